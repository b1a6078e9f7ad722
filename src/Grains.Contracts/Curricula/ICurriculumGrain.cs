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

    /// <summary>Defines this version from an existing one with topics split, added and retired; the split lineage is kept.</summary>
    /// <exception cref="Common.UnprocessableException">the base version, a split or retired topic is unknown, or codes collide.</exception>
    /// <exception cref="Common.ConflictException">rule already-exists when this version is defined already.</exception>
    Task<CurriculumView> DeriveAsync(CurriculumChanges changes);
}
