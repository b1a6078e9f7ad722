using System.Globalization;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Notifications;

/// <summary>
/// The notifications the domain's events become, in Vietnamese and English, each with the page that answers it. Ids
/// derive from the event, so delivering the same event again is the same notification.
/// </summary>
public static class NotificationTexts
{
    public static Notification Offer(string lecturerId, TeachingOffer o, DateTimeOffset at)
    {
        var topic = o.TopicTitle ?? o.TopicCode;
        var where = o.ProvinceName ?? o.ProvinceCode;
        var course = o.CourseTitle ?? o.CourseId;
        return new Notification(
            "offer:" + o.AssignmentId,
            NotificationKind.Offer,
            $"Lời mời giảng: {topic}, {Day(o.Date)} ({SlotVi(o.Slot)}) tại {where}, lớp {course}. Vui lòng trả lời trước {Day(o.AnswerBy)}.",
            $"Teaching offer: {topic}, {Day(o.Date)} ({SlotEn(o.Slot)}) in {where}, course {course}. Please answer by {Day(o.AnswerBy)}.",
            LecturerPage(lecturerId),
            at);
    }

    public static Notification OfferDueSoon(string lecturerId, TeachingOffer o, DateTimeOffset at)
    {
        var topic = o.TopicTitle ?? o.TopicCode;
        return new Notification(
            "offer-due:" + o.AssignmentId,
            NotificationKind.DeadlineSoon,
            $"Sắp hết hạn trả lời lời mời giảng {topic} ngày {Day(o.Date)}: hạn chót {Day(o.AnswerBy)}.",
            $"The answer to the offer to teach {topic} on {Day(o.Date)} is due by {Day(o.AnswerBy)}.",
            LecturerPage(lecturerId),
            at);
    }

    public static Notification HostingRequest(string provinceCode, HostingRequest r, DateTimeOffset at) => new(
        "hosting:" + r.RequestId,
        NotificationKind.HostingRequest,
        $"Đề nghị đăng cai: {r.Title}, {Day(r.Start)}–{Day(r.End)}, {r.Participants} học viên. Vui lòng trả lời trước {Day(r.AnswerBy)}.",
        $"Hosting request: {r.Title}, {Day(r.Start)}–{Day(r.End)}, {r.Participants} trainees. Please answer by {Day(r.AnswerBy)}.",
        ProvincePage(provinceCode),
        at);

    public static Notification HostingDueSoon(string provinceCode, HostingRequest r, DateTimeOffset at) => new(
        "hosting-due:" + r.RequestId,
        NotificationKind.DeadlineSoon,
        $"Sắp hết hạn trả lời đề nghị đăng cai {r.Title}: hạn chót {Day(r.AnswerBy)}.",
        $"The answer to the hosting request {r.Title} is due by {Day(r.AnswerBy)}.",
        ProvincePage(provinceCode),
        at);

    public static Notification HostingWithdrawn(string provinceCode, string requestId, string? reason, DateTimeOffset at) => new(
        "hosting-withdrawn:" + requestId,
        NotificationKind.HostingWithdrawn,
        $"Đề nghị đăng cai {requestId} đã được rút lại.{Why(reason)}",
        $"Hosting request {requestId} was withdrawn.{Why(reason)}",
        ProvincePage(provinceCode),
        at);

    public static Notification Withdrawn(string lecturerId, string assignmentId, string? reason, DateTimeOffset at) => new(
        "withdrawn:" + assignmentId,
        NotificationKind.AssignmentWithdrawn,
        $"Ban tổ chức đã rút buổi giảng {assignmentId}.{Why(reason)}",
        $"The board withdrew session {assignmentId}.{Why(reason)}",
        LecturerPage(lecturerId),
        at);

    public static Notification Moved(string lecturerId, string assignmentId, string provinceCode, string? note, DateTimeOffset at)
    {
        var name = ProvinceDirectory.Exists(provinceCode) ? ProvinceDirectory.Get(provinceCode).NameVi : provinceCode;
        return new Notification(
            $"moved:{assignmentId}:{provinceCode}",
            NotificationKind.AssignmentMoved,
            $"Buổi giảng {assignmentId} chuyển đến {name}.{Why(note)}",
            $"Session {assignmentId} moved to {name}.{Why(note)}",
            LecturerPage(lecturerId),
            at);
    }

    public static Notification Escalation(string cycleId, Escalation e) => new(
        $"escalation:{cycleId}:{e.Id}",
        NotificationKind.Escalation,
        $"Cần xử lý ({cycleId}, {e.CourseId}): {e.Detail}",
        $"Needs the board ({cycleId}, {e.CourseId}): {e.Detail}",
        $"/board/cycles/{Uri.EscapeDataString(cycleId)}",
        e.RaisedAt);

    /// <summary>A decision no cycle could hold (see <see cref="Registry.UndeliverableDecision"/>): the board's list of them.</summary>
    public static Notification Undeliverable(Registry.UndeliverableDecision d) => new(
        "undeliverable:" + d.FollowUpId,
        NotificationKind.Escalation,
        $"Quyết định không chuyển được ({d.TargetKey}{Course(d.CourseId)}): {d.Detail}",
        $"A decision could not be delivered ({d.TargetKey}{Course(d.CourseId)}): {d.Detail}",
        "/board#undeliverable",
        d.RecordedAt);

    public static Notification MaterialsDue(string lecturerId, LecturerNotice notice) => new(
        "notice:" + notice.Id,
        NotificationKind.MaterialsDue,
        $"Nhắc nộp tài liệu (lớp {notice.CourseId}): {notice.Text}",
        $"Materials reminder (course {notice.CourseId}): a topic you teach still has no file uploaded; the materials are due soon.",
        LecturerPage(lecturerId),
        notice.At);

    /// <summary>One per amendment and assignment (its number in the id): a later amendment is a new notification.</summary>
    public static Notification LogisticsChanged(string lecturerId, string assignmentId, HostingConfirmation logistics, int change, DateTimeOffset at) => new(
        $"logistics:{assignmentId}:{change}",
        NotificationKind.LogisticsChanged,
        $"Tỉnh đăng cai đã thay đổi hậu cần của buổi giảng {assignmentId}: địa điểm {logistics.Venue}; lưu trú {logistics.Lodging}; đi lại {logistics.Transport}; liên hệ {logistics.Contact}.",
        $"The host province changed the logistics of session {assignmentId}: venue {logistics.Venue}; lodging {logistics.Lodging}; transport {logistics.Transport}; contact {logistics.Contact}.",
        LecturerPage(lecturerId),
        at);

    public static string LecturerPage(string lecturerId) => "/lecturer/" + Uri.EscapeDataString(lecturerId);

    public static string ProvincePage(string code) => "/province/" + Uri.EscapeDataString(code);

    private static string Course(string courseId) => string.IsNullOrEmpty(courseId) ? "" : ", " + courseId;

    private static string Why(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : " " + reason.Trim();

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset at) => at.ToOffset(Deadlines.VietnamOffset).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string SlotVi(SessionSlot slot) => slot == SessionSlot.Morning ? "buổi sáng" : "buổi chiều";

    private static string SlotEn(SessionSlot slot) => slot == SessionSlot.Morning ? "morning" : "afternoon";
}
