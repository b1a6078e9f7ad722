using System.Collections.Immutable;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Curricula;

/// <summary>
/// Derives a curriculum version from another: each split topic is replaced in place by its parts, retired topics are
/// dropped, added topics come last. The base's lineage stays for the topics still taught, and each part with a new
/// code records which topic it was split out of, so a qualification follows a chain of revisions.
/// </summary>
public static class CurriculumDerivation
{
    public sealed record Result(ImmutableArray<Topic> Topics, ImmutableArray<TopicLineage> Lineage, ImmutableArray<string> Retired);

    public static Result Derive(CurriculumView basis, CurriculumChanges changes)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(changes);
        var baseCodes = basis.Topics.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var splits = CleanSplits(changes.Splits.IsDefault ? [] : changes.Splits, baseCodes);
        var retired = CleanRetired(changes.Retired.IsDefault ? [] : changes.Retired, baseCodes, splits);
        var added = (changes.Added.IsDefault ? [] : changes.Added).Select((t, i) => CleanTopic(t, $"add[{i}]")).ToImmutableArray();

        var topics = new List<(Topic Topic, string Field)>();
        var lineage = ImmutableArray.CreateBuilder<TopicLineage>();
        foreach (var topic in basis.Topics)
        {
            if (retired.Contains(topic.Code))
            {
                continue;
            }

            if (!splits.TryGetValue(topic.Code, out var split))
            {
                topics.Add((topic, ""));
                continue;
            }

            foreach (var (part, field) in split.Parts)
            {
                topics.Add((part.Topic, field));
                if (part.Topic.Code != topic.Code)
                {
                    lineage.Add(new TopicLineage(part.Topic.Code, topic.Code, basis.Version, part.QualificationCarries));
                }
            }
        }

        topics.AddRange(added.Select((t, i) => (t, $"add[{i}].code")));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (topic, field) in topics)
        {
            if (!seen.Add(topic.Code))
            {
                throw new UnprocessableException(field, $"Topic code '{topic.Code}' would appear twice in the new version.");
            }
        }

        if (topics.Count == 0)
        {
            throw new UnprocessableException("retire", "The new version would have no topics.");
        }

        // Earlier splits stay recorded: a lecturer qualified two revisions ago follows the chain of splits to today's parts.
        var inherited = basis.Lineage.IsDefault ? [] : basis.Lineage;
        return new Result([.. topics.Select(t => t.Topic)], [.. inherited, .. lineage], [.. retired.Order(StringComparer.Ordinal)]);
    }

    private static Dictionary<string, (string Field, List<(SplitPart Part, string Field)> Parts)> CleanSplits(
        ImmutableArray<TopicSplit> splits, HashSet<string> baseCodes)
    {
        var result = new Dictionary<string, (string Field, List<(SplitPart Part, string Field)> Parts)>(StringComparer.Ordinal);
        for (var i = 0; i < splits.Length; i++)
        {
            var split = splits[i];
            Require.Present(split, $"split[{i}]");
            var code = Require.Text(split.TopicCode, $"split[{i}].topic", 100);
            if (!baseCodes.Contains(code))
            {
                throw new UnprocessableException($"split[{i}].topic", $"Topic '{code}' is not in the base version.");
            }

            if (result.ContainsKey(code))
            {
                throw new UnprocessableException($"split[{i}].topic", $"Topic '{code}' is split twice.");
            }

            if (split.Into.IsDefaultOrEmpty || split.Into.Length < 2)
            {
                throw new DomainValidationException($"split[{i}].into", "A topic is split into at least two parts.");
            }

            var parts = split.Into.Select((p, j) =>
            {
                Require.Present(p, $"split[{i}].into[{j}]");
                return (p with { Topic = CleanTopic(p.Topic, $"split[{i}].into[{j}]") }, $"split[{i}].into[{j}].code");
            }).ToList();
            result[code] = ($"split[{i}]", parts);
        }

        return result;
    }

    private static HashSet<string> CleanRetired(ImmutableArray<string> retired, HashSet<string> baseCodes, Dictionary<string, (string Field, List<(SplitPart Part, string Field)> Parts)> splits)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < retired.Length; i++)
        {
            var code = Require.Text(retired[i], $"retire[{i}]", 100);
            if (!baseCodes.Contains(code))
            {
                throw new UnprocessableException($"retire[{i}]", $"Topic '{code}' is not in the base version.");
            }

            if (splits.ContainsKey(code))
            {
                throw new UnprocessableException($"retire[{i}]", $"Topic '{code}' cannot be both split and retired.");
            }

            result.Add(code);
        }

        return result;
    }

    private static Topic CleanTopic(Topic? topic, string field)
    {
        Require.Present(topic, field);
        return new Topic(
            Require.Slug(topic.Code, $"{field}.code"),
            Require.Text(topic.TitleVi, $"{field}.titleVi"),
            Require.Text(topic.TitleEn, $"{field}.titleEn"));
    }
}
