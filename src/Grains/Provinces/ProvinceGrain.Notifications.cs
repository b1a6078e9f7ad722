using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Notifications;

namespace OrleansTraining.Grains.Provinces;

/// <summary>
/// The province's inbox is a leaf, so the province may await it. Course hosting requests are notified by the cycle
/// that owes them; field-trip stop requests come from the trip, which repeats them, so the province tells its inbox
/// here. A reminder before a request's answer is due stays registered until the inbox has the notification.
/// </summary>
public sealed partial class ProvinceGrain
{
    private const string DueSoonReminderPrefix = "hosting-due:";

    private INotificationInboxGrain Inbox => GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Province(Code));

    private Task NotifyStopRequestAsync(HostingRequest request) =>
        request.Kind == HostingRequestKind.FieldTripStop
            ? Inbox.ReceiveAsync(NotificationTexts.HostingRequest(Code, request, time.GetUtcNow()))
            : Task.CompletedTask;

    private async Task RegisterDueSoonAsync(HostingRequest request)
    {
        var remindAt = request.AnswerBy - deadlines.Value.HostingReminderBeforeAnswer;
        if (deadlines.Value.HostingReminderBeforeAnswer > TimeSpan.Zero && remindAt > time.GetUtcNow())
        {
            await this.RegisterDeadlineAsync(DueSoonReminderPrefix + request.RequestId, remindAt, time);
        }
    }

    private async Task OnDueSoonAsync(string reminderName)
    {
        var requestId = reminderName[DueSoonReminderPrefix.Length..];
        var request = state.State.Requests.FirstOrDefault(r => r.Request.RequestId == requestId);
        if (request is { Status: HostingRequestStatus.Pending } && request.Request.AnswerBy > time.GetUtcNow())
        {
            await Inbox.ReceiveAsync(NotificationTexts.HostingDueSoon(Code, request.Request, time.GetUtcNow()));
        }

        await this.UnregisterIfPresentAsync(reminderName);
    }
}
