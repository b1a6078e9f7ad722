using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Grains.Cycles;

/// <summary>See <see cref="ICycleReadModelGrain"/>: in memory, calls nobody.</summary>
public sealed class CycleReadModelGrain(TimeProvider time) : Grain, ICycleReadModelGrain
{
    private CycleReadModel _model = new(ImmutableDictionary<string, CourseView>.Empty, ImmutableDictionary<string, string>.Empty);
    private long _revision;

    public Task PublishCourseAsync(CourseView course)
    {
        Take(course);
        return Task.CompletedTask;
    }

    public Task RefreshCourseAsync(CourseView course, long seenRevision)
    {
        if (_model.RevisionOf(course.Id) == seenRevision)
        {
            Take(course);
        }

        return Task.CompletedTask;
    }

    public Task AddLecturerNamesAsync(ImmutableDictionary<string, string> names)
    {
        _model = _model with { LecturerNames = _model.LecturerNames.SetItems(names) };
        return Task.CompletedTask;
    }

    public Task<CycleReadModel> GetAsync() => Task.FromResult(_model);

    private void Take(CourseView course)
    {
        var now = time.GetUtcNow();
        // Clock ticks as the floor: a new activation's revisions start above anything an earlier one handed out.
        _revision = Math.Max(_revision + 1, now.UtcTicks);
        _model = _model with
        {
            Courses = _model.Courses.SetItem(course.Id, course),
            Stamps = _model.Stamps.SetItem(course.Id, new CourseViewStamp(_revision, now)),
        };
    }
}
