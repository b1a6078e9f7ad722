using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

/// <summary>Missing or malformed input is a DomainValidationException naming the field — never another exception type.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task Missing_bodies_are_validation_errors()
    {
        await using var silo = await GrainWorld.StartAsync();
        await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var grains = silo.GrainFactory;
        var cycle = grains.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        var course = grains.GetGrain<ICourseGrain>((await cycle.GetAsync()).CourseIds.Single());
        var province = grains.GetGrain<IProvinceGrain>("hue");

        await Assert.ThrowsAsync<DomainValidationException>(() => grains.GetGrain<ICycleGrain>("2031-2032").CreateAsync(null!));
        await Assert.ThrowsAsync<DomainValidationException>(() => cycle.AddCourseAsync(null!));
        await Assert.ThrowsAsync<DomainValidationException>(() => course.NominateAsync(null!));
        await Assert.ThrowsAsync<DomainValidationException>(() => course.NominateAsync(new NominationRequest(null!, default)));
        await Assert.ThrowsAsync<DomainValidationException>(() => course.RecordAttendanceAsync(null!, null));
        await Assert.ThrowsAsync<DomainValidationException>(() => course.RecordEvaluationAsync(null!));
        await Assert.ThrowsAsync<DomainValidationException>(() => course.AddFieldTripAsync(null!));
        await Assert.ThrowsAsync<DomainValidationException>(() => province.ConfigureAsync(null!));
        await Assert.ThrowsAsync<DomainValidationException>(() => province.ConfirmHostingAsync("x", null!));
        await Assert.ThrowsAsync<DomainValidationException>(() => province.DeclineHostingAsync("x", null!));
        await Assert.ThrowsAsync<UnprocessableException>(() => province.ConfigureAsync(new ProvinceSettings(-1, default)));
        await Assert.ThrowsAsync<DomainValidationException>(() => grains.GetGrain<ILecturerGrain>($"x-{GrainWorld.Suffix()}").CreateAsync(null!));
        await Assert.ThrowsAsync<DomainValidationException>(() => grains.GetGrain<ILecturerGrain>($"x-{GrainWorld.Suffix()}").CreateAsync(new NewLecturer(null!, null!, default, null!, 0, default)));
        await Assert.ThrowsAsync<DomainValidationException>(() => grains.GetGrain<ICurriculumGrain>("2099").DefineAsync(default));
        await Assert.ThrowsAsync<DomainValidationException>(() => cycle.AddCourseAsync(GrainWorld.SmallCourse() with { Audience = null!, Topics = default }));
        await Assert.ThrowsAsync<DomainValidationException>(() => cycle.AddCourseAsync(GrainWorld.SmallCourse() with { QuotaPerProvince = 51 }));
        await Assert.ThrowsAsync<DomainValidationException>(() => cycle.AddCourseAsync(GrainWorld.SmallCourse() with { Topics = [null!] }));

        Assert.Single((await cycle.GetAsync()).CourseIds);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        await using var silo = await GrainWorld.StartAsync();
        var grains = silo.GrainFactory;

        await Assert.ThrowsAsync<NotFoundException>(() => grains.GetGrain<IProvinceGrain>("sai-gon").GetAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => grains.GetGrain<IProvinceGrain>("hue").ConfirmHostingAsync("nope", GrainWorld.Logistics()));
        await Assert.ThrowsAsync<NotFoundException>(() => grains.GetGrain<ICycleGrain>("2041-2042").GetReportAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => grains.GetGrain<ICourseGrain>($"c-{GrainWorld.Suffix()}").GetAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => grains.GetGrain<ICurriculumGrain>("1990").GetAsync());
    }

    [Fact]
    public async Task A_curriculum_version_never_changes_once_defined()
    {
        await using var silo = await GrainWorld.StartAsync();
        var curriculum = silo.GrainFactory.GetGrain<ICurriculumGrain>("2012");
        await curriculum.DefineAsync(CurriculumCatalog.Version2012);

        Assert.Equal(7, (await curriculum.DefineAsync(CurriculumCatalog.Version2012)).Topics.Length);
        Assert.Equal(ConflictRules.CurriculumImmutable, (await Assert.ThrowsAsync<ConflictException>(() => curriculum.DefineAsync(CurriculumCatalog.Version2027))).Rule);
        Assert.Equal("topics", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            silo.GrainFactory.GetGrain<ICurriculumGrain>("2030").DefineAsync([new("a", "A", "A"), new("a", "B", "B")]))).Field);
    }
}
