using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Notifications;

/// <summary>
/// The mail outbox: a notification's mail is written as Pending in the same write as the notification, sent on a
/// one-shot timer right after, and on failure tried again with a growing delay by a reminder that outlives a crash. It
/// is marked Sent only after the SMTP server accepted it, so a crash or an outage delays mail but loses none; a crash
/// between the server's acceptance and that write sends it again, with the same Message-ID.
/// </summary>
public sealed partial class NotificationInboxGrain
{
    public const string MailReminder = "mail";

    /// <summary>The longest wait between two attempts at one mail.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    private IGrainTimer? _kick;
    private bool _reminderArmed;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == MailReminder)
        {
            await SendDueMailAsync();
        }
    }

    /// <summary>After <paramref name="attempts"/> failures: 1, 2, 4, … minutes, at most <see cref="MaxBackoff"/>.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(MaxBackoff.TotalMinutes, Math.Pow(2, Math.Clamp(attempts - 1, 0, 16))));

    /// <summary>The same for every send of one notification to one recipient, so a resend can be recognised.</summary>
    public static string MessageId(string recipientKey, string notificationId, string domain)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(recipientKey + "\n" + notificationId));
        return $"{Convert.ToHexStringLower(hash)[..40]}@{domain}";
    }

    private async Task ArmMailReminderAsync()
    {
        if (!_reminderArmed)
        {
            await this.RegisterOrUpdateReminder(MailReminder, FollowUpOutbox.ReminderPeriod, FollowUpOutbox.ReminderPeriod);
            _reminderArmed = true;
        }
    }

    private void KickMail() => _kick ??= this.RegisterGrainTimer(
        async _ =>
        {
            _kick?.Dispose();
            _kick = null;
            await SendDueMailAsync();
        },
        new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));

    private async Task SendDueMailAsync()
    {
        var now = time.GetUtcNow();
        var due = state.State.Items
            .Where(i => i.Mail == MailStatus.Pending && (i.NextMailAt is null || i.NextMailAt <= now))
            .OrderBy(i => i.Notification.At)
            .ToList();
        foreach (var item in due)
        {
            var id = item.Notification.Id;
            var to = Address();
            if (to is null)
            {
                await SetMailAsync(id, i => i with { Mail = MailStatus.NoAddress });
                continue;
            }

            try
            {
                await mail.SendAsync(Compose(item.Notification, to), CancellationToken.None);
            }
            catch (Exception exception)
            {
                var attempts = item.MailAttempts + 1;
                var next = now + Backoff(attempts);
                await SetMailAsync(id, i => i with { MailAttempts = attempts, NextMailAt = next });
                LogMailFailed(logger, exception, Key, id, attempts, next);
                break; // the server is likely down: the rest wait for the next tick instead of each timing out now
            }

            await SetMailAsync(id, i => i with { Mail = MailStatus.Sent, MailAttempts = i.MailAttempts + 1, MailedAt = now, NextMailAt = null });
        }

        if (!state.State.Items.Any(i => i.Mail == MailStatus.Pending))
        {
            await this.UnregisterIfPresentAsync(MailReminder);
            _reminderArmed = false;
        }
        else
        {
            await ArmMailReminderAsync();
        }
    }

    private Task SetMailAsync(string id, Func<InboxItem, InboxItem> change) =>
        state.UpdateAsync(s => InboxBounds.Apply(s with { Items = [.. s.Items.Select(i => i.Notification.Id == id && i.Mail == MailStatus.Pending ? change(i) : i)] }));

    private OutgoingMail Compose(Notification notification, string to)
    {
        var baseUrl = options.Value.BaseUrl.TrimEnd('/');
        var domain = Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? uri.Host : "localhost";
        var link = baseUrl + notification.Link;
        var subject = notification.TextVi.Length <= 120 ? notification.TextVi : notification.TextVi[..117] + "...";
        var body = $"{notification.TextVi}\n\n{notification.TextEn}\n\n{link}\n";
        return new OutgoingMail(to, subject, body, MessageId(Key, notification.Id, domain));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox {Recipient}: mail for {NotificationId} not accepted (attempt {Attempts}); next try at {NextAttempt}")]
    private static partial void LogMailFailed(ILogger logger, Exception exception, string recipient, string notificationId, int attempts, DateTimeOffset nextAttempt);
}
