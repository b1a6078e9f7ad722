namespace OrleansTraining.Grains.Notifications;

/// <summary>
/// One recipient's notifications (key: <see cref="NotificationRecipients"/>), and their mail outbox. A leaf: it calls no
/// other grain, so any grain may await it. Receiving is idempotent by notification id.
/// </summary>
[Alias("ot.INotificationInboxGrain")]
public interface INotificationInboxGrain : IGrainWithStringKey
{
    /// <summary>Records the notification once (a known id changes nothing) and queues its mail when SMTP is configured.</summary>
    Task ReceiveAsync(Notification notification);

    /// <summary>Unread first, then newest first; <paramref name="take"/> 1…100.</summary>
    [ReadOnly]
    Task<NotificationPage> ListAsync(int skip, int take);

    [ReadOnly]
    Task<int> GetUnreadCountAsync();

    /// <summary>Marks one read (again: nothing changes); an unknown id is <see cref="Common.NotFoundException"/>.</summary>
    Task<NotificationView> MarkReadAsync(string notificationId);

    /// <summary>Marks every unread one read; returns how many were unread.</summary>
    Task<int> MarkAllReadAsync();

    /// <summary>Where mail for this recipient goes (null: none); set by the record that owns the address.</summary>
    Task SetEmailAsync(string? email);

    [ReadOnly]
    Task<string?> GetEmailAsync();
}
