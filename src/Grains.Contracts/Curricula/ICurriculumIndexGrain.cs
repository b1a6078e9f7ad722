using System.Collections.Immutable;

namespace OrleansTraining.Grains.Curricula;

/// <summary>Every curriculum version defined, in the order defined, for listing. Use key <see cref="Key"/>.</summary>
[Alias("ot.ICurriculumIndexGrain")]
public interface ICurriculumIndexGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Idempotent per version.</summary>
    Task AddAsync(string version);

    [ReadOnly]
    Task<ImmutableArray<string>> GetVersionsAsync();
}
