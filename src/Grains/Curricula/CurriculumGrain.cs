using System.Collections.Immutable;
using OrleansTraining.Grains.Common;


namespace OrleansTraining.Grains.Curricula;

public sealed class CurriculumGrain([PersistentState("curriculum", GrainStorage.Name)] IPersistentState<CurriculumState> state) : Grain, ICurriculumGrain
{
    public async Task<CurriculumView> DefineAsync(ImmutableArray<Topic> topics)
    {
        var version = this.GetPrimaryKeyString();
        Require.Text(version, "version", 20);
        if (topics.IsDefaultOrEmpty)
        {
            throw new DomainValidationException("topics", "A curriculum needs at least one topic.");
        }

        var clean = topics.Select((t, i) => new Topic(
            Require.Slug(t?.Code, $"topics[{i}].code"),
            Require.Text(t!.TitleVi, $"topics[{i}].titleVi"),
            Require.Text(t.TitleEn, $"topics[{i}].titleEn"))).ToImmutableArray();
        var duplicate = clean.GroupBy(t => t.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainValidationException("topics", $"Topic code '{duplicate.Key}' appears twice.");
        }

        if (state.RecordExists)
        {
            // A cycle's courses refer to topic codes, so a published version never changes; defining it again is a no-op.
            if (state.State.Topics.SequenceEqual(clean))
            {
                await ListAsync();
                return View();
            }

            throw new ConflictException(ConflictRules.CurriculumImmutable, $"Curriculum {version} is already defined with other topics.");
        }

        await state.UpdateAsync(s => s with { Topics = clean });
        await ListAsync();
        return View();
    }

    public async Task<CurriculumView> DeriveAsync(CurriculumChanges changes)
    {
        var version = Require.Slug(this.GetPrimaryKeyString(), "version");
        Require.Text(version, "version", 20);
        Require.Present(changes, "changes");
        var basedOn = Require.Text(changes.BasedOn, "basedOn", 20);
        if (basedOn == version)
        {
            throw new UnprocessableException("basedOn", "A version is derived from another version.");
        }

        CurriculumView basis;
        try
        {
            basis = await GrainFactory.GetGrain<ICurriculumGrain>(basedOn).GetAsync();
        }
        catch (NotFoundException)
        {
            throw new UnprocessableException("basedOn", $"Curriculum '{basedOn}' does not exist.");
        }

        var derived = CurriculumDerivation.Derive(basis, changes);
        if (state.RecordExists)
        {
            // The same derivation again (a retry) is a no-op; anything else would change topics courses refer to.
            if (state.State.BasedOn == basedOn && state.State.Topics.SequenceEqual(derived.Topics) && state.State.Lineage.SequenceEqual(derived.Lineage))
            {
                await ListAsync();
                return View();
            }

            throw new ConflictException(ConflictRules.AlreadyExists, $"Curriculum {version} is already defined.");
        }

        await state.UpdateAsync(s => s with { Topics = derived.Topics, BasedOn = basedOn, Lineage = derived.Lineage, Retired = derived.Retired });
        await ListAsync();
        return View();
    }

    public Task<CurriculumView> GetAsync()
    {
        if (!state.RecordExists)
        {
            throw new NotFoundException("curriculum", this.GetPrimaryKeyString());
        }

        return Task.FromResult(View());
    }

    // Listed after the write: a failure in between is repaired by defining the same version again (a no-op that lists it).
    private Task ListAsync() => GrainFactory.GetGrain<ICurriculumIndexGrain>(ICurriculumIndexGrain.Key).AddAsync(this.GetPrimaryKeyString());

    private CurriculumView View() => new(this.GetPrimaryKeyString(), state.State.Topics, state.State.BasedOn, state.State.Lineage, state.State.Retired);
}
