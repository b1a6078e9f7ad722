using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>A course wanted in the cycle. No topics: every topic of the curriculum, as lectures.</summary>
public sealed record CourseDraftRequest(
    string Title,
    CourseAudience Audience,
    int Capacity,
    int QuotaPerProvince,
    IReadOnlyList<CourseTopicPlan>? Topics = null,
    IReadOnlyList<string>? CoOrganisers = null);
