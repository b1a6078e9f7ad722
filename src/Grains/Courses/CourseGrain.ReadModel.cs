using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Cycles;

namespace OrleansTraining.Grains.Courses;

/// <summary>
/// After every call (or timer tick, or reminder) that changed the course's view, the course publishes the new view to
/// its cycle's read model (<see cref="ICycleReadModelGrain"/>) before answering, so the board's plan and report read
/// what any answered change did. One place for every writer: the grain's own call filter.
/// </summary>
public sealed partial class CourseGrain : IIncomingGrainCallFilter
{
    private static readonly TimeSpan ReadModelRetryDelay = TimeSpan.FromSeconds(2);

    private IGrainTimer? _readModelRetry;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var before = state.State;
        try
        {
            await context.Invoke();
        }
        finally
        {
            if (!ReferenceEquals(before, state.State))
            {
                await PublishViewAsync(before);
            }
        }
    }

    /// <summary>Publishes the current view unless it equals the one of <paramref name="before"/>; never throws.</summary>
    private async Task PublishViewAsync(CourseState? before)
    {
        if (!state.RecordExists || string.IsNullOrEmpty(state.State.CycleId))
        {
            return;
        }

        var view = View();
        if (before is not null && View(before) == view)
        {
            return; // e.g. an acknowledged follow-up left the outbox: nothing the board reads changed
        }

        try
        {
            await GrainFactory.GetGrain<ICycleReadModelGrain>(state.State.CycleId).PublishCourseAsync(view);
            _readModelRetry?.Dispose();
            _readModelRetry = null;
        }
        catch (Exception exception)
        {
            // The change itself is stored and answered; the read model catches up on the retry timer (or the next change).
            LogReadModelPublishFailed(logger, exception, Id);
            // Kept alive until published: an idle course deactivated with its view unpublished would leave the board
            // reading an older view of it until its next change.
            _readModelRetry ??= this.RegisterGrainTimer(
                () => PublishViewAsync(null), new GrainTimerCreationOptions(ReadModelRetryDelay, ReadModelRetryDelay) { KeepAlive = true });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Course {CourseId}: its view could not be published to the cycle's read model; trying again")]
    private static partial void LogReadModelPublishFailed(ILogger logger, Exception exception, string courseId);
}
