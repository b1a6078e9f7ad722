using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// The cycle's outbox: every call it owes other grains is written with the decision, then delivered; what fails stays
/// and is delivered again by an activation timer (seconds) and a reminder (minutes) that outlives a crash.
/// </summary>
public sealed partial class CycleGrain
{
    private const string DeliveryReminder = "deliveries";
    private static readonly TimeSpan DeliveryRetry = TimeSpan.FromSeconds(2);
    private IGrainTimer? _deliveryTimer;
    private bool _reminderArmed;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && !state.State.Pending.IsEmpty)
        {
            StartDeliveryTimer();
        }

        ResumeStoredRunAfterActivation();
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == PlanningRunReminder)
        {
            await OnPlanningRunReminderAsync();
            return;
        }

        if (reminderName != DeliveryReminder)
        {
            return;
        }

        if (!state.RecordExists || state.State.Pending.IsEmpty)
        {
            await this.UnregisterIfPresentAsync(DeliveryReminder);
            _reminderArmed = false;
            return;
        }

        await DeliverPendingAsync();
    }

    /// <summary>Writes the decision and the calls it owes in one write, then delivers them; see <see cref="DeliverOrThrowAsync"/>.</summary>
    private async Task<CycleState> DecideAsync(Func<CycleState, CycleState> decide, Func<CycleState, IEnumerable<NewDelivery>> deliveries)
    {
        // Offers carry topic titles; the curriculum is read once per activation, before the decision needs it.
        await LoadTopicTitlesAsync();
        if (!_reminderArmed)
        {
            // The durable retry exists before anything depends on it; it removes itself when it finds nothing to do.
            await this.RegisterOrUpdateReminder(DeliveryReminder, FollowUpOutbox.ReminderPeriod, FollowUpOutbox.ReminderPeriod);
            _reminderArmed = true;
        }

        var updated = await state.UpdateAsync(s =>
        {
            var next = decide(s);
            var number = next.DeliveriesMade;
            var owed = deliveries(next).ToList();
            var added = owed.Concat(NotificationsFor(s, next, owed)).Select(d => d.ToDelivery($"d{++number}")).ToImmutableArray();
            return next with { Pending = next.Pending.AddRange(added), DeliveriesMade = number };
        });
        await DeliverOrThrowAsync();
        return updated;
    }

    /// <summary>
    /// Delivers what is pending; when something cannot be delivered now, the decision still stands (it is recorded and
    /// will be delivered), but this flow stops here: what it would do next must not be decided on stale reads.
    /// </summary>
    private async Task DeliverOrThrowAsync()
    {
        if (!await DeliverPendingAsync())
        {
            throw new TimeoutException($"Cycle {Id} could not yet tell every grain what it decided; it keeps trying. Try again shortly.");
        }
    }

    /// <summary>Delivers pending calls, in order per receiving grain and side by side across receivers; true when none is left.</summary>
    private async Task<bool> DeliverPendingAsync()
    {
        var pending = state.State.Pending;
        if (pending.IsEmpty)
        {
            return true;
        }

        var done = new ConcurrentBag<string>();
        await Task.WhenAll(pending.GroupBy(d => (Receiver(d.Kind), d.TargetKey)).Select(async group =>
        {
            foreach (var delivery in group)
            {
                try
                {
                    await DeliverAsync(delivery);
                }
                catch (DomainException exception)
                {
                    // The receiver refuses for good (it moved on, e.g. a confirmation for a request already superseded):
                    // delivering again would be refused again.
                    LogDeliveryRefused(logger, exception, Id, delivery.Id, delivery.Kind, delivery.TargetKey);
                }
                catch (Exception exception)
                {
                    LogDeliveryFailed(logger, exception, Id, delivery.Id, delivery.Kind, delivery.TargetKey);
                    return; // later calls to this receiver wait, so they arrive in order
                }

                done.Add(delivery.Id);
            }
        }));

        var delivered = done.ToHashSet(StringComparer.Ordinal);
        var updated = await state.UpdateAsync(s => s with { Pending = s.Pending.RemoveAll(d => delivered.Contains(d.Id)) });
        if (updated.Pending.IsEmpty)
        {
            _deliveryTimer?.Dispose();
            _deliveryTimer = null;
            return true;
        }

        StartDeliveryTimer();
        return false;
    }

    private void StartDeliveryTimer() =>
        _deliveryTimer ??= this.RegisterGrainTimer(async _ => await DeliverPendingAsync(), new GrainTimerCreationOptions(DeliveryRetry, DeliveryRetry));

    private Task DeliverAsync(CycleDelivery d) => d.Kind switch
    {
        CycleDeliveryKind.Offer => GrainFactory.GetGrain<ILecturerGrain>(d.TargetKey).ReceiveOfferAsync(d.Offer!),
        CycleDeliveryKind.Withdraw => GrainFactory.GetGrain<ILecturerGrain>(d.TargetKey).WithdrawOfferAsync(d.AssignmentId!, d.Reason),
        CycleDeliveryKind.Staffing => GrainFactory.GetGrain<ICourseGrain>(d.TargetKey).SetSessionStaffingAsync(
            d.Staffing!.SessionId, d.Staffing.LecturerId, d.Staffing.Status, d.Staffing.AssignmentId, d.Staffing.Reason),
        CycleDeliveryKind.HostingRequest => GrainFactory.GetGrain<IProvinceGrain>(d.TargetKey).ReceiveHostingRequestAsync(d.Hosting!),
        CycleDeliveryKind.CourseHost => GrainFactory.GetGrain<ICourseGrain>(d.TargetKey).SetHostAsync(d.Host!.HostProvince, d.Host.HostingRequestId, d.Host.DeclinedBy),
        CycleDeliveryKind.HostConfirmed => GrainFactory.GetGrain<ICourseGrain>(d.TargetKey).RecordHostConfirmedAsync(d.RequestId!, d.Confirmation!),
        CycleDeliveryKind.CoursePublished => GrainFactory.GetGrain<ICourseGrain>(d.TargetKey).MarkPublishedAsync(d.RequestId!),
        CycleDeliveryKind.CourseReported => GrainFactory.GetGrain<ICourseGrain>(d.TargetKey).MarkReportedAsync(),
        CycleDeliveryKind.CourseCancelled => GrainFactory.GetGrain<ICourseGrain>(d.TargetKey).CancelAsync(d.Reason!),
        CycleDeliveryKind.HostingWithdrawn => GrainFactory.GetGrain<IProvinceGrain>(d.TargetKey).WithdrawHostingRequestAsync(d.RequestId!),
        CycleDeliveryKind.AssignmentMoved => GrainFactory.GetGrain<ILecturerGrain>(d.TargetKey).ReceiveHostChangeAsync(d.AssignmentId!, d.Host!.HostProvince!, d.Reason!),
        CycleDeliveryKind.OfferLogistics => GrainFactory.GetGrain<ILecturerGrain>(d.TargetKey).ReceiveLogisticsAsync(d.AssignmentId!, d.Confirmation),
        CycleDeliveryKind.HostLogistics => GrainFactory.GetGrain<ICourseGrain>(d.TargetKey).AmendHostLogisticsAsync(d.RequestId!, d.Confirmation!),
        CycleDeliveryKind.Notify => GrainFactory.GetGrain<Notifications.INotificationInboxGrain>(d.TargetKey).ReceiveAsync(d.Notification!),
        _ => throw new InvalidOperationException($"Unknown delivery {d.Kind}."),
    };

    private static string Receiver(CycleDeliveryKind kind) => kind switch
    {
        CycleDeliveryKind.Offer or CycleDeliveryKind.Withdraw or CycleDeliveryKind.OfferLogistics or CycleDeliveryKind.AssignmentMoved => "lecturer",
        CycleDeliveryKind.HostingRequest or CycleDeliveryKind.HostingWithdrawn => "province",
        CycleDeliveryKind.Notify => "inbox",
        _ => "course",
    };

    /// <summary>A call to owe, before it has its id.</summary>
    private sealed record NewDelivery(CycleDeliveryKind Kind, string TargetKey)
    {
        public TeachingOffer? Offer { get; init; }

        public string? AssignmentId { get; init; }

        public SessionStaffing? Staffing { get; init; }

        public HostingRequest? Hosting { get; init; }

        public CourseHost? Host { get; init; }

        public string? RequestId { get; init; }

        public HostingConfirmation? Confirmation { get; init; }

        /// <summary>Why an assignment is withdrawn; the lecturer keeps it with the assignment.</summary>
        public string? Reason { get; init; }

        public Notifications.Notification? Notification { get; init; }

        public CycleDelivery ToDelivery(string id) => new(id, Kind, TargetKey, Offer, AssignmentId, Staffing, Hosting, Host, RequestId, Confirmation, Reason, Notification);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId}: delivery {DeliveryId} ({Kind} to {Target}) failed; it will be delivered again")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string cycleId, string deliveryId, CycleDeliveryKind kind, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId}: delivery {DeliveryId} ({Kind} to {Target}) was refused by its receiver; dropped")]
    private static partial void LogDeliveryRefused(ILogger logger, Exception exception, string cycleId, string deliveryId, CycleDeliveryKind kind, string target);
}
