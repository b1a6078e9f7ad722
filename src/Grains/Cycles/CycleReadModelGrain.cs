using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Grains.Cycles;

/// <summary>See <see cref="ICycleReadModelGrain"/>: in memory, calls nobody.</summary>
public sealed class CycleReadModelGrain : Grain, ICycleReadModelGrain
{
    private CycleReadModel _model = new(ImmutableDictionary<string, CourseView>.Empty, ImmutableDictionary<string, string>.Empty);

    public Task PublishCourseAsync(CourseView course)
    {
        _model = _model with { Courses = _model.Courses.SetItem(course.Id, course) };
        return Task.CompletedTask;
    }

    public Task FillCourseAsync(CourseView course)
    {
        if (!_model.Courses.ContainsKey(course.Id))
        {
            _model = _model with { Courses = _model.Courses.Add(course.Id, course) };
        }

        return Task.CompletedTask;
    }

    public Task AddLecturerNamesAsync(ImmutableDictionary<string, string> names)
    {
        _model = _model with { LecturerNames = _model.LecturerNames.SetItems(names) };
        return Task.CompletedTask;
    }

    public Task<CycleReadModel> GetAsync() => Task.FromResult(_model);
}
