using System.Collections.Immutable;

namespace OrleansTraining.Grains.Curricula;

/// <summary>Which topics of a curriculum a lecturer may teach: those named, and the parts split out of them unless the board said otherwise.</summary>
public static class CurriculumQualification
{
    public static ImmutableArray<string> Expand(ImmutableArray<string> qualified, ImmutableArray<TopicLineage> lineage)
    {
        if (qualified.IsDefaultOrEmpty || lineage.IsDefaultOrEmpty)
        {
            return qualified.IsDefault ? [] : qualified;
        }

        var topics = new List<string>(qualified);
        var known = qualified.ToHashSet(StringComparer.Ordinal);
        // A split of a split follows too: repeat until no lineage adds a topic (at most one pass per revision).
        bool added;
        do
        {
            added = false;
            foreach (var link in lineage.Where(l => l.QualificationCarries && known.Contains(l.FromTopicCode) && !known.Contains(l.TopicCode)))
            {
                known.Add(link.TopicCode);
                topics.Add(link.TopicCode);
                added = true;
            }
        }
        while (added);

        return [.. topics];
    }
}
