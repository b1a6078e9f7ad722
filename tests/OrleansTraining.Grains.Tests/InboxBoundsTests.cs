using System.Collections.Immutable;
using OrleansTraining.Grains.Notifications;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// An inbox is bounded: unread notifications up to a generous cap, the newest read ones, never a notification whose mail
/// is still pending; a dropped notification delivered again stays dropped.
/// </summary>
public sealed class InboxBoundsTests
{
    private static readonly DateTimeOffset At = new(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);

    private static Notification Note(string id, int minute = 0) =>
        new(id, NotificationKind.Offer, $"Thông báo {id}", $"Notification {id}", "/lecturer/x", At.AddMinutes(minute));

    private static InboxItem Item(string id, bool read = false, MailStatus mail = MailStatus.None) =>
        new(Note(id), read ? At : null, mail);

    [Fact]
    public void The_oldest_read_and_unread_beyond_their_caps_go_but_pending_mail_stays_and_their_ids_are_remembered()
    {
        var state = new InboxState
        {
            Items = [Item("u1", mail: MailStatus.Pending), Item("u2"), Item("r1", read: true), Item("u3"), Item("r2", read: true), Item("r3", read: true), Item("u4")],
            Forgotten = ["old"],
        };

        var bounded = InboxBounds.Apply(state, unreadKept: 2, readKept: 1, forgottenKept: 3);

        // u1 is the oldest unread but its mail is still owed: it stays, over the cap.
        Assert.Equal(["u1", "u3", "r3", "u4"], bounded.Items.Select(i => i.Notification.Id));
        Assert.Equal(["u2", "r1", "r2"], bounded.Forgotten.ToArray()); // "old" fell off the remembered ids
        Assert.Same(bounded, InboxBounds.Apply(bounded, unreadKept: 2, readKept: 1, forgottenKept: 3));
    }

    [Fact]
    public async Task An_inbox_keeps_the_newest_read_notifications_and_a_dropped_one_delivered_again_stays_dropped()
    {
        await using var silo = await GrainWorld.StartAsync();
        var inbox = silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Lecturer("bounded-" + GrainWorld.Suffix()));
        var count = InboxBounds.ReadKept + 10;
        foreach (var i in Enumerable.Range(1, count))
        {
            await inbox.ReceiveAsync(Note($"n{i:000}", i));
        }

        Assert.Equal(count, await inbox.MarkAllReadAsync());
        await inbox.ReceiveAsync(Note("n001", 1)); // the trip repeats its request: the event is not new
        await inbox.ReceiveAsync(Note("fresh", count + 1));
        await inbox.MarkReadAsync("n011"); // the oldest read one kept: reading it again keeps it

        var page = await inbox.ListAsync(0, 100);
        Assert.Equal(InboxBounds.ReadKept + 1, page.Total);
        Assert.Equal(1, page.Unread);
        Assert.Equal("fresh", page.Items[0].Id);
        var last = await inbox.ListAsync(InboxBounds.ReadKept, 1);
        Assert.Equal("n011", Assert.Single(last.Items).Id);
        await Assert.ThrowsAsync<Common.NotFoundException>(() => inbox.MarkReadAsync("n010"));
    }
}
