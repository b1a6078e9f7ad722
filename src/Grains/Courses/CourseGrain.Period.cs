using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Courses;

/// <summary>The course's dates for its field trips, which must lie inside them.</summary>
public sealed partial class CourseGrain
{
    public Task<DatePeriod?> GetPeriodAsync()
    {
        EnsureExists();
        var s = state.State;
        return Task.FromResult(s.Start is { } start && s.End is { } end ? new DatePeriod(start, end) : null);
    }
}
