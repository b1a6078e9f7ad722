using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Silo;

namespace OrleansTraining.Grains.Cycles;

/// <summary>The two-yearly national cycle, key "yyyy-yyyy". Calls on an id never created throw NotFoundException.</summary>
public interface ICycleGrain : IGrainWithStringKey
{
    Task<CycleView> CreateAsync(NewCycle cycle);

    /// <summary>Records a past cycle (status Closed) with its courses as reported; their ids are "&lt;cycle&gt;-c01"….</summary>
    Task<CycleView> ImportHistoricalAsync(HistoricalCycle cycle);

    Task<CycleView> GetAsync();

    /// <summary>Adds a course while the cycle is Draft or Planned.</summary>
    Task<CourseView> AddCourseAsync(CourseDraft draft);

    /// <summary>Runs the first planner (Draft or Planned → Planned): hosts, dates and lecturers proposed; issues say what could not be staffed.</summary>
    Task<PlanResult> PlanAsync();

    /// <summary>Planned → Published: hosting requests go to provinces and offers to lecturers, each with a deadline.</summary>
    Task<CycleView> PublishAsync();

    Task<CyclePlan> GetPlanAsync();

    Task<CycleReport> GetReportAsync();

    Task<ImmutableArray<Escalation>> GetEscalationsAsync(bool includeResolved);

    /// <summary>Published → Running.</summary>
    Task<CycleView> StartAsync();

    /// <summary>Running → Closed; held courses become Reported.</summary>
    Task<CycleView> CloseAsync();

    /// <summary>Closed → creates the next cycle (two years later, same curriculum, this cycle's hosts carried for rotation).</summary>
    Task<CycleView> RollOverAsync(string? curriculumVersion);

    // Callbacks from province, lecturer and course grains.
    Task OnHostingAnsweredAsync(string courseId, HostingRequestView answer);

    Task OnOfferAnsweredAsync(AssignmentView answer);

    Task RaiseEscalationAsync(EscalationKind kind, string courseId, string subjectKey, string detail);

    /// <summary>Marks the open escalation about <paramref name="subjectKey"/> resolved (the answer or the materials arrived).</summary>
    Task ResolveEscalationAsync(string subjectKey);
}
