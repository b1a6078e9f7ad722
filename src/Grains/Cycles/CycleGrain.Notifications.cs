using OrleansTraining.Grains.Notifications;

namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// What touches someone in a decision becomes a notification owed in the same write: an offer to its lecturer, a
/// hosting request to its province, a withdrawn or moved session, a withdrawn request, and every new escalation to the
/// board. They are ordinary deliveries, so they are delivered until the inbox has them.
/// </summary>
public sealed partial class CycleGrain
{
    private IEnumerable<NewDelivery> NotificationsFor(CycleState before, CycleState after, IReadOnlyList<NewDelivery> owed)
    {
        var now = time.GetUtcNow();
        foreach (var d in owed)
        {
            var notification = d.Kind switch
            {
                CycleDeliveryKind.Offer => (Key: NotificationRecipients.Lecturer(d.TargetKey), Note: NotificationTexts.Offer(d.TargetKey, d.Offer!, now)),
                CycleDeliveryKind.HostingRequest => (NotificationRecipients.Province(d.TargetKey), NotificationTexts.HostingRequest(d.TargetKey, d.Hosting!, now)),
                CycleDeliveryKind.Withdraw => (NotificationRecipients.Lecturer(d.TargetKey), NotificationTexts.Withdrawn(d.TargetKey, d.AssignmentId!, d.Reason, now)),
                CycleDeliveryKind.AssignmentMoved => (NotificationRecipients.Lecturer(d.TargetKey), NotificationTexts.Moved(d.TargetKey, d.AssignmentId!, d.Host!.HostProvince!, d.Reason, now)),
                CycleDeliveryKind.HostingWithdrawn => (NotificationRecipients.Province(d.TargetKey), NotificationTexts.HostingWithdrawn(d.TargetKey, d.RequestId!, d.Reason, now)),
                _ => ((string Key, Notification Note)?)null,
            };
            if (notification is { } n)
            {
                yield return new NewDelivery(CycleDeliveryKind.Notify, n.Key) { Notification = n.Note };
            }
        }

        var known = before.Escalations.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var escalation in after.Escalations.Where(e => !known.Contains(e.Id)))
        {
            yield return new NewDelivery(CycleDeliveryKind.Notify, NotificationRecipients.Board) { Notification = NotificationTexts.Escalation(Id, escalation) };
        }
    }
}
