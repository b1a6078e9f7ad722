using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Grains.Provinces;
using static OrleansTraining.Grains.Curricula.CurriculumCatalog;

namespace OrleansTraining.Grains.Demo;

/// <summary>The two source scenarios as historical records, and the 2027–2028 cycle ready to plan.</summary>
public static class DemoCourses
{
    public const string Academy = "Học viện Chính trị quốc gia Hồ Chí Minh";

    // Declared first: static initialisers run in order and the 2012 nominations read it.
    /// <summary>Units that sent nobody to the 2012 course.</summary>
    public static ImmutableArray<string> SentNobodyIn2012 { get; } = ["lai-chau", "dien-bien", "cao-bang", "ca-mau"];

    private static readonly CourseAudience ProvincialHeads = new([TraineePosition.Head, TraineePosition.DeputyHead], [AdministrativeLevel.Provincial]);

    private static readonly CourseAudience DistrictHeads = new([TraineePosition.Head, TraineePosition.DeputyHead], [AdministrativeLevel.District]);

    private static readonly CourseAudience ProvincialSpecialists = new([TraineePosition.Specialist], [AdministrativeLevel.Provincial]);

    /// <summary>
    /// 2027–2028: twelve courses for heads and deputy heads of provincial boards' divisions, six for district boards and two for
    /// provincial specialists — the audiences the 2012 report recommends extending to.
    /// </summary>
    public static NewCycle Cycle2027 { get; } = new(
        new DateOnly(2027, 3, 1),
        new DateOnly(2028, 11, 30),
        DemoIds.Curriculum2027,
        [
            .. Enumerable.Range(1, 12).Select(i => Draft($"Lớp bồi dưỡng nghiệp vụ công tác xây dựng đảng về tổ chức — trưởng, phó phòng ban tổ chức tỉnh ủy, thành ủy (lớp {i})", ProvincialHeads, 100, 3)),
            .. Enumerable.Range(1, 6).Select(i => Draft($"Lớp bồi dưỡng nghiệp vụ công tác tổ chức — trưởng, phó ban tổ chức cấp ủy cấp huyện (lớp {i})", DistrictHeads, 60, 2)),
            .. Enumerable.Range(1, 2).Select(i => Draft($"Lớp bồi dưỡng nghiệp vụ — chuyên viên ban tổ chức tỉnh ủy, thành ủy (lớp {i})", ProvincialSpecialists, 100, 3)),
        ]);

    /// <summary>
    /// The 2012 course of the source report, with its seven topics taught by lecture and guided discussion.
    /// The report names neither the host nor the dates nor the lecturers: those here are illustrative.
    /// Four units sent nobody, as the report says "some party committees sent nobody".
    /// </summary>
    public static HistoricalCourse Course2012 { get; } = new(
        new NewCourse(
            DemoIds.HistoricalCycleId,
            DemoIds.Curriculum2012,
            new CourseDraft(
                "Lớp bồi dưỡng nghiệp vụ công tác xây dựng đảng về tổ chức năm 2012",
                ProvincialHeads,
                120,
                3,
                [.. Version2012.Select((t, i) => new CourseTopicPlan(t.Code, i % 3 == 2 ? TeachingMethod.Discussion : TeachingMethod.Lecture))],
                [])),
        new CourseSchedule(
            "ha-noi",
            new DateOnly(2012, 8, 13),
            new DateOnly(2012, 8, 16),
            [
                new(CongressResolution, new(2012, 8, 13), SessionSlot.Morning, TeachingMethod.Lecture, "l01"),
                new(CadreWork, new(2012, 8, 13), SessionSlot.Afternoon, TeachingMethod.Lecture, "l14"),
                new(PartyCharter, new(2012, 8, 14), SessionSlot.Morning, TeachingMethod.Discussion, "l04"),
                new(Grassroots, new(2012, 8, 14), SessionSlot.Afternoon, TeachingMethod.Lecture, "l09"),
                new(PartyMembers, new(2012, 8, 15), SessionSlot.Morning, TeachingMethod.Lecture, "l10"),
                new(InternalProtection, new(2012, 8, 15), SessionSlot.Afternoon, TeachingMethod.Discussion, "l19"),
                new(CadrePolicy, new(2012, 8, 16), SessionSlot.Morning, TeachingMethod.Lecture, "l24"),
            ]),
        Nominations2012(),
        // Content, method, usefulness: the report praises the content and the lively discussions, and finds the lectures
        // "mainly presentation, with limited pedagogy" and some topics quoting documents already handed out.
        [
            new("s01", 5, 3, 5, "Cập nhật, hệ thống"), new("s01", 4, 3, 4, null), new("s02", 4, 3, 5, null), new("s02", 4, 2, 4, "Chủ yếu thuyết trình"),
            new("s03", 3, 4, 4, "Trích dẫn nhiều văn bản đã phát hành"), new("s04", 5, 3, 5, null), new("s05", 4, 3, 4, null),
            new("s06", 5, 5, 5, "Thảo luận sôi nổi, sát thực tế"), new("s07", 4, 3, 4, "Cần thêm tình huống cụ thể"),
        ],
        // Handed out at the opening, not before: "cần gửi tài liệu tập huấn trước cho học viên nghiên cứu".
        MaterialsSentOn: new DateOnly(2012, 8, 13));

    /// <summary>The board's conclusions and recommendations of the 2012 report (Ban Chỉ đạo tổ chức các lớp bồi dưỡng).</summary>
    public static BoardConclusions Conclusions2012 { get; } = new(
        "Các khóa bồi dưỡng đều hoàn thành tốt mục tiêu, yêu cầu, nội dung chương trình; học viên nắm được tương đối có hệ thống các văn bản "
        + "của Trung ương về công tác tổ chức. Hạn chế: giảng dạy chủ yếu là thuyết trình, phương pháp sư phạm hạn chế; một số chuyên đề trích dẫn "
        + "nhiều văn bản đã phát hành; chưa có nhiều tình huống, giải pháp cụ thể; tài liệu chưa được gửi trước; một số ít cấp ủy không cử cán bộ tham gia.",
        [
            new("Tiếp tục mở lớp cho trưởng, phó phòng chuyên môn ban tổ chức các tỉnh ủy, thành ủy trực thuộc Trung ương và tương đương.", RecommendationStatus.Done),
            new("Mở rộng đối tượng: trưởng, phó ban tổ chức cấp ủy cấp huyện và tương đương; chuyên viên ban tổ chức tỉnh ủy, thành ủy.", RecommendationStatus.Done),
            new("Mở lớp bồi dưỡng định kỳ 2 năm/lần.", RecommendationStatus.Done),
            new("Tách thành chuyên đề riêng: công tác đánh giá cán bộ; quy hoạch, đào tạo, bồi dưỡng cán bộ; nghiệp vụ công tác văn phòng cho cán bộ tổ chức.", RecommendationStatus.Done),
            new("Gửi tài liệu tập huấn trước cho học viên nghiên cứu; sớm có văn bản hướng dẫn các quy định của Trung ương.", RecommendationStatus.Open),
            new("Tăng tình huống, giải pháp cụ thể, ví dụ ở những địa phương làm tốt để nhân rộng.", RecommendationStatus.Open),
        ]);

    /// <summary>The 2011–2012 cycle as a closed record holding the 2012 course (id <see cref="DemoIds.Course2012Id"/>).</summary>
    public static HistoricalCycle Cycle2012 => new(new DateOnly(2011, 1, 1), new DateOnly(2012, 12, 31), DemoIds.Curriculum2012, [Course2012]);

    /// <summary>The class of the 2005 field trip: Political University degree in organisation work, intake 4 (illustrative dates).</summary>
    public static HistoricalCourse ClassCourse { get; } = new(
        new NewCourse(
            "dhct-to-chuc",
            DemoIds.Curriculum2012,
            new CourseDraft(
                "Lớp Đại học Chính trị chuyên ngành tổ chức khóa 4",
                new CourseAudience([TraineePosition.Head, TraineePosition.DeputyHead, TraineePosition.Specialist], [AdministrativeLevel.Provincial, AdministrativeLevel.District]),
                75,
                3,
                [],
                [Academy])),
        new CourseSchedule("ha-noi", new DateOnly(2004, 9, 6), new DateOnly(2006, 6, 30), []),
        [],
        [],
        null);

    /// <summary>Trip 3 of 4, 5–14 November 2005: Ho Chi Minh City (District 4), Cần Thơ (two sessions), Lâm Đồng, Đà Nẵng.</summary>
    public static NewFieldTrip FieldTrip2005 { get; } = new(
        "Lớp Đại học Chính trị chuyên ngành tổ chức khóa 4",
        3,
        4,
        [
            new("ho-chi-minh", "Quận 4", new(2005, 11, 5), new(2005, 11, 6), ["Kinh nghiệm công tác quy hoạch, tạo nguồn và quản lý cán bộ"], 1),
            new(
                "Cần Thơ",
                "Quận Bình Thủy",
                new(2005, 11, 7),
                new(2005, 11, 8),
                ["Xây dựng, củng cố hệ thống chính trị, phân công cán bộ phụ trách địa bàn (làm điểm tại quận Bình Thủy, 36 khu vực)", "An ninh, trật tự trên địa bàn miền Tây Nam Bộ"],
                2),
            new("Lâm Đồng", "Trường Chính trị tỉnh Lâm Đồng", new(2005, 11, 9), new(2005, 11, 11), ["Đào tạo, bồi dưỡng cán bộ người dân tộc thiểu số"], 1),
            new("Đà Nẵng", null, new(2005, 11, 12), new(2005, 11, 14), ["Quản lý đô thị", "Quản lý cán bộ", "Thu hút nhân tài"], 1),
        ],
        75,
        37,
        [Academy],
        Historical: true);

    private static CourseDraft Draft(string title, CourseAudience audience, int capacity, int quota) =>
        new(title, audience, capacity, quota, [], []);

    // Old records name the units of the time; a few are written that way here to show they resolve.
    private static ImmutableArray<NominationRequest> Nominations2012()
    {
        var oldNames = new Dictionary<string, string> { ["can-tho"] = "Sóc Trăng", ["lam-dong"] = "Bình Thuận", ["ho-chi-minh"] = "Bình Dương" };
        var nominations = ImmutableArray.CreateBuilder<NominationRequest>();
        var n = 0;
        foreach (var province in ProvinceDirectory.All.Where(p => !SentNobodyIn2012.Contains(p.Code)))
        {
            var name = oldNames.GetValueOrDefault(province.Code, province.NameVi);
            nominations.Add(new NominationRequest(name, [Trainee(++n, TraineePosition.Head), Trainee(++n, TraineePosition.DeputyHead)]));
        }

        return nominations.ToImmutable();
    }

    private static Trainee Trainee(int n, TraineePosition position) =>
        new($"Học viên {n:000}", position, AdministrativeLevel.Provincial, null);
}
