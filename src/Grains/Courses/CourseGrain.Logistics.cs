using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Courses;

/// <summary>The confirmed host's amended logistics reach the course (through the cycle's deliveries).</summary>
public sealed partial class CourseGrain
{
    public async Task<CourseView> AmendHostLogisticsAsync(string hostingRequestId, HostingConfirmation logistics)
    {
        EnsureExists();
        Require.Present(logistics, "logistics");
        if (state.State.HostingRequestId == hostingRequestId && state.State.HostLogistics == logistics)
        {
            return View(); // delivered again
        }

        await state.UpdateAsync(s =>
        {
            if (s.HostingRequestId != hostingRequestId)
            {
                throw new ConflictException(ConflictRules.AlreadyAnswered, $"'{hostingRequestId}' is not the course's current hosting request.");
            }

            return s.Status == CourseStatus.HostConfirmed
                ? s with { HostLogistics = logistics }
                : throw new ConflictException(ConflictRules.InvalidTransition, $"A {s.Status} course cannot take amended logistics.");
        });
        return View();
    }
}
