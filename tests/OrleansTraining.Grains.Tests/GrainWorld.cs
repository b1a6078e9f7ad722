using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;
using Microsoft.Extensions.Time.Testing;

namespace OrleansTraining.Grains.Tests;

/// <summary>Starts a grain host with the domain grains and builds small, self-contained worlds on it.</summary>
internal static class GrainWorld
{
    public const string CycleKey = "2027-2028";

    /// <summary>A two-silo cluster with the domain grains on in-memory storage (see <see cref="GrainCluster"/>).</summary>
    public static Task<GrainCluster> StartAsync(FakeTimeProvider? time = null) => GrainCluster.StartAsync(time);

    /// <summary>The same on a real database (SQLite or PostgreSQL), for tests that restart or run two clusters on it.</summary>
    public static Task<GrainCluster> StartAsync(FakeTimeProvider time, TestKit.StorageKind storage, string connectionString) =>
        GrainCluster.StartAsync(time, storage: storage, connectionString: connectionString);

    /// <summary>The only provinces of the small world with a venue configured.</summary>
    public static readonly ImmutableArray<string> ProvincesWithVenue = ["an-giang", "can-tho", "vinh-long"];

    public static string Suffix() => Guid.NewGuid().ToString("N")[..8];

    public static async Task DefineCurriculumAsync(IGrainFactory grains) =>
        await grains.GetGrain<ICurriculumGrain>("2027").DefineAsync(CurriculumCatalog.Version2027);

    public static NewLecturer Lecturer(string name, params string[] topics) =>
        new(name, "Vụ Cán bộ", [.. topics], "ha-noi", 10, []);

    public static CourseDraft SmallCourse(string title = "Lớp thử nghiệm", int capacity = 50, int quota = 2) =>
        new(
            title,
            new CourseAudience([TraineePosition.Head, TraineePosition.DeputyHead], [AdministrativeLevel.Provincial]),
            capacity,
            quota,
            [new(CurriculumCatalog.CadreEvaluation, Common.TeachingMethod.Lecture), new(CurriculumCatalog.OfficeWork, Common.TeachingMethod.Discussion)],
            []);

    /// <summary>The small world's cycle planned and published: the course's host has its request, the lecturers their offers.</summary>
    public static async Task<(string LecturerA, string LecturerB, ICycleGrain Cycle)> PublishedSmallWorldAsync(IGrainFactory grains)
    {
        var (a, b) = await BuildSmallWorldAsync(grains);
        var cycle = grains.GetGrain<ICycleGrain>(CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        return (a, b, cycle);
    }

    /// <summary>
    /// A world with one small course to plan: three Mekong provinces can host (others have no venue configured),
    /// two lecturers qualified for both topics (ids sort "a-…" before "b-…"), lecturer travel not weighed.
    /// </summary>
    public static async Task<(string LecturerA, string LecturerB)> BuildSmallWorldAsync(IGrainFactory grains, int courses = 1)
    {
        await DefineCurriculumAsync(grains);
        foreach (var code in ProvincesWithVenue)
        {
            await grains.GetGrain<IProvinceGrain>(code).ConfigureAsync(new ProvinceSettings(100, []));
        }

        var suffix = Suffix();
        var a = $"a-{suffix}";
        var b = $"b-{suffix}";
        await grains.GetGrain<ILecturerGrain>(a).CreateAsync(Lecturer("Nguyễn Văn A", CurriculumCatalog.CadreEvaluation, CurriculumCatalog.OfficeWork));
        await grains.GetGrain<ILecturerGrain>(b).CreateAsync(Lecturer("Trần Thị B", CurriculumCatalog.CadreEvaluation, CurriculumCatalog.OfficeWork));
        await grains.GetGrain<ICycleGrain>(CycleKey).CreateAsync(new NewCycle(
            new DateOnly(2027, 3, 1),
            new DateOnly(2028, 11, 30),
            "2027",
            [.. Enumerable.Range(1, courses).Select(i => SmallCourse($"Lớp {i}"))]));
        // By default lecturer travel gives both sessions to one lecturer (one trip from Hà Nội, not two); these flows
        // need one offer each, which fair load alone gives.
        await grains.GetGrain<ICycleGrain>(CycleKey).SetPlannerWeightsAsync(new PlannerWeights { LecturerTravel = 0 });
        return (a, b);
    }

    public static HostingConfirmation Logistics() =>
        new("Hội trường Tỉnh ủy", 40, "Nhà khách Tỉnh ủy", "Xe đưa đón từ sân bay", "Đ/c Lê Văn C, 0292 3 000 000");

    public static ImmutableArray<Trainee> Trainees(int count, TraineePosition position = TraineePosition.Head) =>
        [.. Enumerable.Range(1, count).Select(i => new Trainee($"Học viên {i}", position, AdministrativeLevel.Provincial, null))];
}
