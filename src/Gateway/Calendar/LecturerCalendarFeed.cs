using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Pages.Support;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Gateway.Calendar;

/// <summary>
/// A lecturer's sessions as an RFC 5545 calendar: one event per assignment with a UID that never changes, so a
/// calendar application that re-reads the feed updates the event in place — tentative while offered, confirmed once
/// accepted, cancelled when declined or withdrawn (kept, so a subscriber's copy is cancelled rather than left behind).
/// Its words come from the pages' texts in the language the address asks for (Vietnamese unless <c>?lang=en</c>).
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

    /// <summary>The feed in the current UI culture's words (<paramref name="text"/>); English names the provinces in English.</summary>
    public static string Build(LecturerView lecturer, IStringLocalizer<Text> text)
    {
        var english = PageCultures.IsEnglish;
        var calendar = new Ical.Net.Calendar { ProductId = english ? "-//OrleansTraining//Teaching calendar//EN" : "-//OrleansTraining//Lich giang//VI", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", text["FeedCalendarName", lecturer.FullName].Value);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        // From NodaTime's own time-zone database, so the feed does not depend on the host's tzdata.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId));
        foreach (var assignment in lecturer.Assignments.OrderBy(a => a.Offer.Date).ThenBy(a => a.Offer.Slot))
        {
            calendar.Events.Add(Event(assignment, text, english));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(AssignmentView assignment, IStringLocalizer<Text> text, bool english)
    {
        var offer = assignment.Offer;
        var (start, end) = SlotHours[offer.Slot];
        var changedAt = new[] { assignment.OfferedAt, assignment.AnsweredAt ?? default, assignment.WithdrawnAt ?? default }.Max();
        return new CalendarEvent
        {
            Uid = $"{offer.AssignmentId}@orleans-training",
            Summary = $"{offer.TopicTitle ?? offer.TopicCode} — {offer.CourseTitle ?? offer.CourseId}",
            Location = Location(offer, english),
            Description = Description(assignment, text),
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
    private static string Location(TeachingOffer offer, bool english)
    {
        var known = ProvinceDirectory.Exists(offer.ProvinceCode) ? ProvinceDirectory.Get(offer.ProvinceCode) : null;
        var province = english
            ? known?.NameEn ?? offer.ProvinceName ?? offer.ProvinceCode
            : offer.ProvinceName ?? known?.NameVi ?? offer.ProvinceCode;
        return offer.Logistics?.Venue is { Length: > 0 } venue ? $"{venue}, {province}" : province;
    }

    private static string Description(AssignmentView assignment, IStringLocalizer<Text> text)
    {
        var offer = assignment.Offer;
        var lines = new List<string>
        {
            text["FeedCourse", offer.CourseTitle ?? offer.CourseId].Value,
            text["FeedTopic", offer.TopicTitle ?? offer.TopicCode].Value,
        };
        if (offer.Logistics is { } logistics)
        {
            lines.Add(text["FeedContact", logistics.Contact].Value);
        }

        if ((assignment.WithdrawalReason ?? assignment.DeclineReason) is { } why)
        {
            lines.Add(text["FeedReason", why].Value);
        }

        return string.Join('\n', lines);
    }
}
