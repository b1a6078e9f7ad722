using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Notifications;

namespace OrleansTraining.Grains.Lecturers;

/// <summary>
/// The lecturer's inbox is a leaf, so the lecturer may await it. A reminder before an offer's answer is due tells the
/// lecturer while there is still time; it stays registered until the inbox has the notification, so a failed delivery
/// is tried again a minute later (the reminder's period), never dropped.
/// </summary>
public sealed partial class LecturerGrain
{
    private const string DueSoonReminderPrefix = "offer-due:";

    private INotificationInboxGrain Inbox => GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Lecturer(Id));

    private async Task RegisterDueSoonAsync(TeachingOffer offer)
    {
        var remindAt = offer.AnswerBy - deadlines.Value.OfferReminderBeforeAnswer;
        if (deadlines.Value.OfferReminderBeforeAnswer > TimeSpan.Zero && remindAt > time.GetUtcNow())
        {
            await this.RegisterDeadlineAsync(DueSoonReminderPrefix + offer.AssignmentId, remindAt, time);
        }
    }

    private async Task OnDueSoonAsync(string reminderName)
    {
        var assignmentId = reminderName[DueSoonReminderPrefix.Length..];
        var assignment = state.State.Assignments.FirstOrDefault(a => a.Offer.AssignmentId == assignmentId);
        if (state.RecordExists && assignment is { Status: AssignmentStatus.Offered } && assignment.Offer.AnswerBy > time.GetUtcNow())
        {
            await Inbox.ReceiveAsync(NotificationTexts.OfferDueSoon(Id, assignment.Offer, time.GetUtcNow()));
        }

        await this.UnregisterIfPresentAsync(reminderName);
    }
}
