using System.Collections.Immutable;
using OrleansTraining.Silo;

namespace OrleansTraining.Grains.Curricula;

/// <summary>One curriculum version, key = version ("2012", "2027"). Defined once; redefining with the same topics is a no-op.</summary>
public interface ICurriculumGrain : IGrainWithStringKey
{
    Task<CurriculumView> DefineAsync(ImmutableArray<Topic> topics);

    /// <exception cref="Common.NotFoundException">the version was never defined.</exception>
    Task<CurriculumView> GetAsync();
}
