using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;
using static OrleansTraining.Grains.Curricula.CurriculumCatalog;

namespace OrleansTraining.Grains.Tests;

/// <summary>A new curriculum version is derived from an existing one; a split keeps its lecturers unless the board says otherwise.</summary>
public sealed class CurriculumTests
{
    private const string Succession = "cadre-succession";
    private const string Discipline = "cadre-discipline";

    private static Topic T(string code) => new(code, $"Chuyên đề {code}", $"Topic {code}");

    /// <summary>From 2027: cadre work split into its general remainder, succession (lecturers carry) and discipline (they do not).</summary>
    private static CurriculumChanges SplitCadreWork(string basedOn = "2027") => new(
        basedOn,
        [new TopicSplit(CadreWork, [new SplitPart(T(CadreWork), true), new SplitPart(T(Succession), true), new SplitPart(T(Discipline), false)])],
        [T("digital-transformation")],
        [OfficeWork]);

    [Fact]
    public async Task A_derived_version_splits_in_place_adds_at_the_end_retires_and_is_listed()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.DefineCurriculumAsync(silo.GrainFactory);
        var version = $"v{GrainWorld.Suffix()}";

        var derived = await silo.GrainFactory.GetGrain<ICurriculumGrain>(version).DeriveAsync(SplitCadreWork());

        var codes = derived.Topics.Select(t => t.Code).ToList();
        Assert.Equal([CongressResolution, CadreWork, Succession, Discipline, CadreEvaluation], codes[..5]);
        Assert.DoesNotContain(OfficeWork, codes);
        Assert.Equal("digital-transformation", codes[^1]);
        Assert.Equal(Version2027.Length + 2 - 1 + 1, codes.Count);
        Assert.Equal("2027", derived.BasedOn);
        Assert.Equal([OfficeWork], derived.Retired.ToArray());
        Assert.Equal(
            [new TopicLineage(Succession, CadreWork, "2027", true), new TopicLineage(Discipline, CadreWork, "2027", false)],
            derived.Lineage.ToArray());
        Assert.Equal(["2027", version], (await silo.GrainFactory.GetGrain<ICurriculumIndexGrain>(ICurriculumIndexGrain.Key).GetVersionsAsync()).ToArray());
        var again = await silo.GrainFactory.GetGrain<ICurriculumGrain>(version).DeriveAsync(SplitCadreWork()); // a retry is a no-op
        Assert.Equal(derived.Topics.ToArray(), again.Topics.ToArray());
        Assert.Equal(derived.Lineage.ToArray(), again.Lineage.ToArray());
    }

    [Fact]
    public void Qualification_follows_splits_through_versions_unless_the_board_said_otherwise()
    {
        ImmutableArray<TopicLineage> lineage =
        [
            new(Succession, CadreWork, "2027", true),
            new(Discipline, CadreWork, "2027", false),
            new("succession-planning", Succession, "2029", true),
        ];

        var expanded = CurriculumQualification.Expand([CadreWork], lineage);

        Assert.Equal([CadreWork, Succession, "succession-planning"], expanded.ToArray());
        Assert.Equal([PartyMembers], CurriculumQualification.Expand([PartyMembers], lineage).ToArray());
    }

    [Fact]
    public async Task Bad_derivations_name_the_field_and_define_nothing()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.DefineCurriculumAsync(silo.GrainFactory);
        var version = $"v{GrainWorld.Suffix()}";
        var grain = silo.GrainFactory.GetGrain<ICurriculumGrain>(version);
        var unknownTopic = SplitCadreWork() with { Splits = [new TopicSplit("no-such-topic", [new SplitPart(T("a"), true), new SplitPart(T("b"), true)])] };
        var collision = SplitCadreWork() with { Added = [T(Grassroots)] };

        Assert.Equal("basedOn", (await Assert.ThrowsAsync<UnprocessableException>(() => grain.DeriveAsync(SplitCadreWork("1999")))).Field);
        Assert.Equal("split[0].topic", (await Assert.ThrowsAsync<UnprocessableException>(() => grain.DeriveAsync(unknownTopic))).Field);
        Assert.Equal("retire[0]", (await Assert.ThrowsAsync<UnprocessableException>(() => grain.DeriveAsync(SplitCadreWork() with { Retired = ["nope"] }))).Field);
        Assert.Equal("retire[0]", (await Assert.ThrowsAsync<UnprocessableException>(() => grain.DeriveAsync(SplitCadreWork() with { Retired = [CadreWork] }))).Field);
        Assert.Equal("add[0].code", (await Assert.ThrowsAsync<UnprocessableException>(() => grain.DeriveAsync(collision))).Field);
        Assert.Equal("split[0].into", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            grain.DeriveAsync(SplitCadreWork() with { Splits = [new TopicSplit(CadreWork, [new SplitPart(T(Succession), true)])] }))).Field);

        await Assert.ThrowsAsync<NotFoundException>(() => grain.GetAsync());
        Assert.DoesNotContain(version, await silo.GrainFactory.GetGrain<ICurriculumIndexGrain>(ICurriculumIndexGrain.Key).GetVersionsAsync());
    }

    [Fact]
    public async Task The_planner_gives_a_split_part_to_the_parents_lecturer_only_where_qualification_carries()
    {
        await using var silo = await GrainWorld.StartAsync();
        var grains = silo.GrainFactory;
        await GrainWorld.DefineCurriculumAsync(grains);
        var version = $"v{GrainWorld.Suffix()}";
        await grains.GetGrain<ICurriculumGrain>(version).DeriveAsync(SplitCadreWork());
        foreach (var code in GrainWorld.ProvincesWithVenue)
        {
            await grains.GetGrain<IProvinceGrain>(code).ConfigureAsync(new ProvinceSettings(100, []));
        }

        var lecturer = $"l-{GrainWorld.Suffix()}";
        await grains.GetGrain<ILecturerGrain>(lecturer).CreateAsync(GrainWorld.Lecturer("Nguyễn Văn Cán Bộ", CadreWork));
        var cycle = grains.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.CreateAsync(new NewCycle(new DateOnly(2027, 3, 1), new DateOnly(2028, 11, 30), version, [
            GrainWorld.SmallCourse() with { Topics = [new(Succession, TeachingMethod.Lecture), new(Discipline, TeachingMethod.Lecture)] },
        ]));

        await cycle.PlanAsync();

        var sessions = (await cycle.GetPlanAsync()).Courses.Single().Sessions;
        Assert.Equal(lecturer, sessions.Single(s => s.TopicCode == Succession).LecturerId);
        var discipline = sessions.Single(s => s.TopicCode == Discipline);
        Assert.Null(discipline.LecturerId);
        Assert.Equal(StaffingStatus.Unstaffed, discipline.Staffing);
    }
}
