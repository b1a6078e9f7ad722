using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Curricula;

namespace OrleansTraining.Grains.Courses;

/// <summary>Validates a course draft against its curriculum; shared by the cycle (before it writes) and the course.</summary>
public static class CourseDraftRules
{
    /// <summary>The draft, trimmed, with empty topics expanded to every curriculum topic as a lecture.</summary>
    public static CourseDraft Validate(CourseDraft? draft, ImmutableArray<Topic> curriculum, string fieldPrefix = "")
    {
        if (draft is null)
        {
            throw new DomainValidationException(fieldPrefix.TrimEnd('.'), "A course is required.");
        }

        var title = Require.Text(draft.Title, fieldPrefix + "title", 300);
        var capacity = Require.Range(draft.Capacity, 1, 1000, fieldPrefix + "capacity");
        var quota = Require.Range(draft.QuotaPerProvince, 1, capacity, fieldPrefix + "quotaPerProvince");
        if (draft.Audience is null || draft.Audience.Positions.IsDefaultOrEmpty || draft.Audience.Levels.IsDefaultOrEmpty)
        {
            throw new DomainValidationException(fieldPrefix + "audience", "The audience needs at least one position and one level.");
        }

        foreach (var (position, i) in draft.Audience.Positions.Select((p, i) => (p, i)))
        {
            Require.Defined(position, $"{fieldPrefix}audience.positions[{i}]");
        }

        foreach (var (level, i) in draft.Audience.Levels.Select((l, i) => (l, i)))
        {
            Require.Defined(level, $"{fieldPrefix}audience.levels[{i}]");
        }

        var known = curriculum.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var topics = draft.Topics.IsDefaultOrEmpty
            ? curriculum.Select(t => new CourseTopicPlan(t.Code, TeachingMethod.Lecture)).ToImmutableArray()
            : draft.Topics;
        for (var i = 0; i < topics.Length; i++)
        {
            var topic = topics[i];
            if (topic is null || !known.Contains(topic.TopicCode ?? ""))
            {
                throw new DomainValidationException($"{fieldPrefix}topics[{i}].topicCode", $"'{topic?.TopicCode}' is not a topic of the curriculum.");
            }

            Require.Defined(topic.Method, $"{fieldPrefix}topics[{i}].method");
        }

        var coOrganisers = draft.CoOrganisers.IsDefault
            ? []
            : draft.CoOrganisers.Select((c, i) => Require.Text(c, $"{fieldPrefix}coOrganisers[{i}]", 300)).ToImmutableArray();
        return new CourseDraft(
            title,
            new CourseAudience([.. draft.Audience.Positions.Distinct()], [.. draft.Audience.Levels.Distinct()]),
            capacity,
            quota,
            topics,
            coOrganisers);
    }
}
