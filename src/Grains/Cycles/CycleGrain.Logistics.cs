using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Notifications;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// A confirmed host amended its logistics: the course and every lecturer holding a live offer or acceptance of it get
/// the new values (the lecturers with a notification), in order after the confirmation. An amendment older than the
/// logistics already passed on (follow-ups are not ordered) is dropped.
/// </summary>
public sealed partial class CycleGrain
{
    private async Task OnLogisticsAmendedAsync(HostingRequestView amended)
    {
        Require.Present(amended, "hosting");
        var courseId = amended.Request.CourseId;
        var requestId = amended.Request.RequestId;
        var change = ChangeNumber(amended);
        if (!state.State.CourseIds.Contains(courseId) || amended.Confirmation is not { } logistics
            || (state.State.LogisticsPassedOn.TryGetValue(requestId, out var passedOn) && passedOn >= change))
        {
            return;
        }

        var course = await GrainFactory.GetGrain<ICourseGrain>(courseId).GetAsync();
        // Another host since, or the confirmation not recorded yet: that confirmation, still on its way, carries the new values.
        if (course.HostingRequestId != requestId || course.Status != CourseStatus.HostConfirmed)
        {
            return;
        }

        var now = time.GetUtcNow();
        var lecturers = LogisticsDeliveries(course, logistics).ToList();
        await DecideAsync(
            s => s with { LogisticsPassedOn = s.LogisticsPassedOn.SetItem(requestId, change) },
            _ =>
            [
                new NewDelivery(CycleDeliveryKind.HostLogistics, courseId) { RequestId = requestId, Confirmation = logistics },
                .. lecturers,
                .. lecturers.Select(d => new NewDelivery(CycleDeliveryKind.Notify, NotificationRecipients.Lecturer(d.TargetKey))
                {
                    Notification = NotificationTexts.LogisticsChanged(d.TargetKey, d.AssignmentId!, logistics, change, now),
                }),
            ]);
    }

    /// <summary>How many times the host amended the logistics this view carries (0: as first confirmed).</summary>
    private static int ChangeNumber(HostingRequestView request) => request.LogisticsChanges.IsDefault ? 0 : request.LogisticsChanges.Length;
}
