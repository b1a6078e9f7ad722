using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Cycles;

/// <summary>A confirmed host amended its logistics: the course gets the new values, in order after its confirmation.</summary>
public sealed partial class CycleGrain
{
    private async Task OnLogisticsAmendedAsync(HostingRequestView amended)
    {
        Require.Present(amended, "hosting");
        var courseId = amended.Request.CourseId;
        if (!state.State.CourseIds.Contains(courseId) || amended.Confirmation is null)
        {
            return;
        }

        var course = await GrainFactory.GetGrain<ICourseGrain>(courseId).GetAsync();
        // Another host since, or the confirmation not recorded yet: that confirmation, still on its way, carries the new values.
        if (course.HostingRequestId != amended.Request.RequestId || course.Status != CourseStatus.HostConfirmed)
        {
            return;
        }

        await DecideAsync(s => s, _ => [new NewDelivery(CycleDeliveryKind.HostLogistics, courseId) { RequestId = amended.Request.RequestId, Confirmation = amended.Confirmation }]);
    }
}
