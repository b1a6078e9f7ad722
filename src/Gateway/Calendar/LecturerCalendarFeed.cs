using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Gateway.Calendar;

/// <summary>
/// A lecturer's sessions as an RFC 5545 calendar: one event per assignment with a UID that never changes, so a
/// calendar application that re-reads the feed updates the event in place — tentative while offered, confirmed once
/// accepted, cancelled when declined or withdrawn (kept, so a subscriber's copy is cancelled rather than left behind).
/// </summary>
public static class LecturerCalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string TimeZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>Vietnam's public-sector working hours: a morning 07:30–11:30, an afternoon 13:30–17:00.</summary>
    private static readonly Dictionary<SessionSlot, (TimeOnly Start, TimeOnly End)> SlotHours = new()
    {
        [SessionSlot.Morning] = (new TimeOnly(7, 30), new TimeOnly(11, 30)),
        [SessionSlot.Afternoon] = (new TimeOnly(13, 30), new TimeOnly(17, 0)),
    };

    public static string Build(LecturerView lecturer)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//OrleansTraining//Lich giang//VI", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", $"Lịch giảng — {lecturer.FullName}");
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        // From NodaTime's own time-zone database, so the feed does not depend on the host's tzdata.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId));
        foreach (var assignment in lecturer.Assignments.OrderBy(a => a.Offer.Date).ThenBy(a => a.Offer.Slot))
        {
            calendar.Events.Add(Event(assignment));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(AssignmentView assignment)
    {
        var offer = assignment.Offer;
        var (start, end) = SlotHours[offer.Slot];
        var changedAt = new[] { assignment.OfferedAt, assignment.AnsweredAt ?? default, assignment.WithdrawnAt ?? default }.Max();
        return new CalendarEvent
        {
            Uid = $"{offer.AssignmentId}@orleans-training",
            Summary = $"{offer.TopicTitle ?? offer.TopicCode} — {offer.CourseTitle ?? offer.CourseId}",
            Location = Location(offer),
            Description = Description(assignment),
            Start = new CalDateTime(offer.Date.ToDateTime(start), TimeZoneId),
            End = new CalDateTime(offer.Date.ToDateTime(end), TimeZoneId),
            DtStamp = new CalDateTime(changedAt.UtcDateTime, CalDateTime.UtcTzId),
            // Grows with each step an assignment takes (offered, answered, withdrawn), as RFC 5545 asks of revisions.
            Sequence = assignment.Status switch
            {
                AssignmentStatus.Offered => 0,
                AssignmentStatus.Withdrawn => 2,
                _ => 1,
            },
            Status = assignment.Status switch
            {
                AssignmentStatus.Offered => EventStatus.Tentative,
                AssignmentStatus.Accepted => EventStatus.Confirmed,
                _ => EventStatus.Cancelled,
            },
        };
    }

    /// <summary>The province, and the venue in front of it once the host confirmed.</summary>
    private static string Location(TeachingOffer offer)
    {
        var province = offer.ProvinceName
            ?? (ProvinceDirectory.Exists(offer.ProvinceCode) ? ProvinceDirectory.Get(offer.ProvinceCode).NameVi : offer.ProvinceCode);
        return offer.Logistics?.Venue is { Length: > 0 } venue ? $"{venue}, {province}" : province;
    }

    private static string Description(AssignmentView assignment)
    {
        var offer = assignment.Offer;
        var lines = new List<string> { $"Lớp: {offer.CourseTitle ?? offer.CourseId}", $"Chuyên đề: {offer.TopicTitle ?? offer.TopicCode}" };
        if (offer.Logistics is { } logistics)
        {
            lines.Add($"Liên hệ: {logistics.Contact}");
        }

        if ((assignment.WithdrawalReason ?? assignment.DeclineReason) is { } why)
        {
            lines.Add($"Lý do: {why}");
        }

        return string.Join('\n', lines);
    }
}
