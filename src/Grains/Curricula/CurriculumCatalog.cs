using System.Collections.Immutable;

namespace OrleansTraining.Grains.Curricula;

/// <summary>The curricula the source document gives: 2012 (7 topics) and a later version with three topics split out of cadre work.</summary>
public static class CurriculumCatalog
{
    public const string CongressResolution = "congress-resolution";
    public const string CadreWork = "cadre-work";
    public const string PartyCharter = "party-charter";
    public const string Grassroots = "grassroots";
    public const string PartyMembers = "party-members";
    public const string InternalProtection = "internal-protection";
    public const string CadrePolicy = "cadre-policy";
    public const string CadreEvaluation = "cadre-evaluation";
    public const string CadrePlanning = "cadre-planning";
    public const string OfficeWork = "office-work";

    public static ImmutableArray<Topic> Version2012 { get; } =
    [
        new(CongressResolution, "Quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XI của Đảng và phương hướng, nhiệm vụ", "The resolution of the 11th National Party Congress and its directions"),
        new(CadreWork, "Một số vấn đề về công tác cán bộ", "Cadre work"),
        new(PartyCharter, "Những vấn đề cơ bản về Điều lệ Đảng và hệ thống tổ chức bộ máy của Đảng", "The Party Charter and the Party's organisational system"),
        new(Grassroots, "Một số vấn đề về công tác tổ chức cơ sở đảng", "Grassroots party organisations"),
        new(PartyMembers, "Một số vấn đề về công tác đảng viên", "Party-member work"),
        new(InternalProtection, "Công tác bảo vệ chính trị nội bộ", "Internal political protection"),
        new(CadrePolicy, "Một số vấn đề cơ bản về chính sách cán bộ", "Cadre policy"),
    ];

    /// <summary>The 2012 report recommends splitting evaluation, planning/training and office work out of "cadre work".</summary>
    public static ImmutableArray<Topic> Version2027 { get; } =
    [
        new(CongressResolution, "Quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng và phương hướng, nhiệm vụ", "The resolution of the 14th National Party Congress and its directions"),
        new(CadreWork, "Một số vấn đề chung về công tác cán bộ", "Cadre work: general questions"),
        new(CadreEvaluation, "Công tác đánh giá cán bộ", "Cadre evaluation"),
        new(CadrePlanning, "Công tác quy hoạch, đào tạo, bồi dưỡng cán bộ", "Cadre planning, training and development"),
        new(OfficeWork, "Nghiệp vụ công tác văn phòng cho cán bộ tổ chức", "Office work for organisation cadres"),
        new(PartyCharter, "Những vấn đề cơ bản về Điều lệ Đảng và hệ thống tổ chức bộ máy của Đảng", "The Party Charter and the Party's organisational system"),
        new(Grassroots, "Một số vấn đề về công tác tổ chức cơ sở đảng", "Grassroots party organisations"),
        new(PartyMembers, "Một số vấn đề về công tác đảng viên", "Party-member work"),
        new(InternalProtection, "Công tác bảo vệ chính trị nội bộ", "Internal political protection"),
        new(CadrePolicy, "Một số vấn đề cơ bản về chính sách cán bộ", "Cadre policy"),
    ];
}
