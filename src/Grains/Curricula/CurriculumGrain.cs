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
                return View();
            }

            throw new ConflictException(ConflictRules.CurriculumImmutable, $"Curriculum {version} is already defined with other topics.");
        }

        await state.UpdateAsync(s => s with { Topics = clean });
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

    private CurriculumView View() => new(this.GetPrimaryKeyString(), state.State.Topics);
}
