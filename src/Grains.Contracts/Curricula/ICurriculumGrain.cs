using System.Collections.Immutable;

namespace OrleansTraining.Grains.Curricula;

/// <summary>One curriculum version, key = version ("2012", "2027"). Defined once; redefining with the same topics is a no-op.</summary>
[Alias("ot.ICurriculumGrain")]
public interface ICurriculumGrain : IGrainWithStringKey
{
    Task<CurriculumView> DefineAsync(ImmutableArray<Topic> topics);

    /// <exception cref="Common.NotFoundException">the version was never defined.</exception>
    [ReadOnly]
    Task<CurriculumView> GetAsync();
}
