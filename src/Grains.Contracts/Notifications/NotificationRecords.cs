using System.Collections.Immutable;

namespace OrleansTraining.Grains.Notifications;

/// <summary>What a notification is about; the page and the mail show its texts, the kind lets a page group or filter.</summary>
[GenerateSerializer, Alias("ot.NotificationKind")]
public enum NotificationKind
{
    /// <summary>A session was offered to the lecturer.</summary>
    Offer,

    /// <summary>A course or field-trip stop asks the province to host it.</summary>
    HostingRequest,

    /// <summary>The board has a new escalation in a cycle.</summary>
    Escalation,

    /// <summary>The board withdrew an offered or accepted session from the lecturer.</summary>
    AssignmentWithdrawn,

    /// <summary>An accepted session stays with the lecturer at another host province.</summary>
    AssignmentMoved,

    /// <summary>A hosting request the province had was withdrawn (course cancelled or moved).</summary>
    HostingWithdrawn,

    /// <summary>An answer is due soon (the deadline has not passed yet).</summary>
    DeadlineSoon,

    /// <summary>A course's materials are due soon and the lecturer's topic has no file yet.</summary>
    MaterialsDue,

    /// <summary>The host province changed the logistics (venue, lodging, transport, contact) of a session the lecturer holds.</summary>
    LogisticsChanged,
}

/// <summary>Whether a notification also goes out by mail, and how far it got.</summary>
[GenerateSerializer, Alias("ot.MailStatus")]
public enum MailStatus
{
    /// <summary>No SMTP server was configured when it arrived: in-app only.</summary>
    None,

    /// <summary>In the mail outbox, sent (again) until the SMTP server accepts it.</summary>
    Pending,

    /// <summary>The SMTP server accepted it.</summary>
    Sent,

    /// <summary>The recipient has no e-mail address on record: in-app only.</summary>
    NoAddress,
}

/// <summary>
/// Something a recipient should know and act on. <see cref="Id"/> derives from the event behind it (e.g.
/// <c>offer:&lt;assignmentId&gt;</c>), so the same event delivered twice is one notification. <see cref="Link"/> is the
/// site-relative page that answers it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.Notification")]
public sealed record Notification(string Id, NotificationKind Kind, string TextVi, string TextEn, string Link, DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("ot.NotificationView")]
public sealed record NotificationView(
    string Id, NotificationKind Kind, string TextVi, string TextEn, string Link, DateTimeOffset At, bool Read, DateTimeOffset? ReadAt, MailStatus Mail);

/// <summary>A page of a recipient's notifications, unread first, newest first within each.</summary>
[GenerateSerializer, Immutable, Alias("ot.NotificationPage")]
public sealed record NotificationPage(ImmutableArray<NotificationView> Items, int Total, int Unread);

/// <summary>Inbox keys: one inbox per account role and subject.</summary>
public static class NotificationRecipients
{
    public const string Board = "board";

    public static string Province(string code) => "province:" + code;

    public static string Lecturer(string lecturerId) => "lecturer:" + lecturerId;
}
