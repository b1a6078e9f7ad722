using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Notifications;

/// <summary>
/// A recipient's notifications with their read state, and the mail each still owes (see the Mail part). A leaf: it never
/// calls another grain, so the cycle, lecturers and provinces can await it without any call cycle forming.
/// </summary>
public sealed partial class NotificationInboxGrain(
    [PersistentState("inbox", GrainStorage.Name)] IPersistentState<InboxState> state,
    TimeProvider time,
    IMailSender mail,
    IOptions<NotificationOptions> options,
    ILogger<NotificationInboxGrain> logger) : Grain, INotificationInboxGrain, IRemindable
{
    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Mail an earlier activation (or a node that died) left unsent goes out now, not only at the next reminder tick.
        if (state.State.Items.Any(i => i.Mail == MailStatus.Pending))
        {
            KickMail();
        }

        return Task.CompletedTask;
    }

    public async Task ReceiveAsync(Notification notification)
    {
        Require.Present(notification, "notification");
        Require.Text(notification.Id, "notification.id", 300);
        Require.Text(notification.TextVi, "notification.textVi", 2000);
        Require.Text(notification.TextEn, "notification.textEn", 2000);
        if (string.IsNullOrWhiteSpace(notification.Link) || !notification.Link.StartsWith('/'))
        {
            throw new DomainValidationException("notification.link", "A notification links to a page of this site (a path starting with '/').");
        }

        if (Known(state.State, notification.Id))
        {
            return; // delivered again: it is one notification (also when the inbox has let it go since)
        }

        var status = !mail.IsConfigured ? MailStatus.None : Address() is null ? MailStatus.NoAddress : MailStatus.Pending;
        if (status == MailStatus.Pending)
        {
            // The durable retry exists before the mail it retries is written.
            await ArmMailReminderAsync();
        }

        await state.UpdateAsync(s => Known(s, notification.Id)
            ? s
            : InboxBounds.Apply(s with { Items = s.Items.Add(new InboxItem(notification, null, status)) }));
        if (status == MailStatus.Pending)
        {
            KickMail();
        }
    }

    public Task<NotificationPage> ListAsync(int skip, int take)
    {
        Require.Range(skip, 0, int.MaxValue, "skip");
        Require.Range(take, 1, 100, "take");
        var items = state.State.Items;
        var page = items
            .OrderBy(i => i.ReadAt is not null)
            .ThenByDescending(i => i.Notification.At)
            .ThenByDescending(i => i.Notification.Id, StringComparer.Ordinal)
            .Skip(skip)
            .Take(take)
            .Select(View)
            .ToImmutableArray();
        return Task.FromResult(new NotificationPage(page, items.Length, items.Count(i => i.ReadAt is null)));
    }

    public Task<int> GetUnreadCountAsync() => Task.FromResult(state.State.Items.Count(i => i.ReadAt is null));

    public async Task<NotificationView> MarkReadAsync(string notificationId)
    {
        var item = state.State.Items.FirstOrDefault(i => i.Notification.Id == notificationId)
            ?? throw new NotFoundException("notification", notificationId);
        if (item.ReadAt is not null)
        {
            return View(item);
        }

        var now = time.GetUtcNow();
        InboxItem? read = null;
        await state.UpdateAsync(s =>
        {
            var marked = s with
            {
                Items = [.. s.Items.Select(i => i.Notification.Id == notificationId && i.ReadAt is null ? i with { ReadAt = now } : i)],
            };
            // Taken before bounding: an old notification read now may be beyond the newest read ones kept.
            read = marked.Items.First(i => i.Notification.Id == notificationId);
            return InboxBounds.Apply(marked);
        });
        return View(read!);
    }

    public async Task<int> MarkAllReadAsync()
    {
        var unread = state.State.Items.Count(i => i.ReadAt is null);
        if (unread == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        await state.UpdateAsync(s => InboxBounds.Apply(s with { Items = [.. s.Items.Select(i => i.ReadAt is null ? i with { ReadAt = now } : i)] }));
        return unread;
    }

    public async Task SetEmailAsync(string? email)
    {
        var address = NotificationEmail.Clean(email, "email");
        if (state.State.Email != address)
        {
            await state.UpdateAsync(s => s with { Email = address });
        }
    }

    public Task<string?> GetEmailAsync() => Task.FromResult(state.State.Email);

    private static bool Known(InboxState s, string id) => s.Items.Any(i => i.Notification.Id == id) || s.Forgotten.Contains(id);

    private string? Address() => state.State.Email ?? (Key == NotificationRecipients.Board ? NonBlank(options.Value.BoardEmail) : null);

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static NotificationView View(InboxItem i) => new(
        i.Notification.Id, i.Notification.Kind, i.Notification.TextVi, i.Notification.TextEn, i.Notification.Link, i.Notification.At,
        i.ReadAt is not null, i.ReadAt, i.Mail);
}
