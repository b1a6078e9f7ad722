using System.Collections.Immutable;

namespace OrleansTraining.Grains.Notifications;

/// <summary>
/// Keeps an inbox bounded: every unread notification up to a generous cap, and the newest read ones; a notification
/// whose mail is still pending is never dropped (the inbox is the mail outbox). The ids of dropped notifications are
/// remembered (bounded too), so an event delivered again later (a field trip repeats its stop requests) is not
/// mistaken for a new one. Newest means latest to arrive (the items are kept in arrival order).
/// </summary>
public static class InboxBounds
{
    /// <summary>Unread notifications kept: far more than anyone leaves unread, so only a runaway sender meets it.</summary>
    public const int UnreadKept = 1_000;

    /// <summary>Read notifications kept: the newest, a history of several pages.</summary>
    public const int ReadKept = 200;

    /// <summary>Ids of dropped notifications remembered, so a late repeat of their event changes nothing.</summary>
    public const int ForgottenKept = 2_000;

    public static InboxState Apply(InboxState s, int unreadKept = UnreadKept, int readKept = ReadKept, int forgottenKept = ForgottenKept)
    {
        var drop = Overflow(s.Items, i => i.ReadAt is null, unreadKept).Concat(Overflow(s.Items, i => i.ReadAt is not null, readKept)).ToHashSet();
        if (drop.Count == 0)
        {
            return s;
        }

        var forgotten = s.Forgotten.AddRange(s.Items.Where(drop.Contains).Select(i => i.Notification.Id));
        return s with
        {
            Items = [.. s.Items.Where(i => !drop.Contains(i))],
            Forgotten = forgotten.Length > forgottenKept ? forgotten.RemoveRange(0, forgotten.Length - forgottenKept) : forgotten,
        };
    }

    /// <summary>The oldest items of the kind beyond <paramref name="kept"/>, never one whose mail is pending.</summary>
    private static IEnumerable<InboxItem> Overflow(ImmutableArray<InboxItem> items, Func<InboxItem, bool> kind, int kept)
    {
        var ofKind = items.Where(kind).ToList();
        return ofKind.Count <= kept ? [] : ofKind.Take(ofKind.Count - kept).Where(i => i.Mail != MailStatus.Pending);
    }
}
