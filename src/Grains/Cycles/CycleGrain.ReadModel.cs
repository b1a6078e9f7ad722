using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// The board's whole-cycle reads answer from the read model (<see cref="ICycleReadModelGrain"/>) instead of calling
/// every course and lecturer: only a course or lecturer the model does not hold yet (a new activation of it) is read
/// from its grain, once, and added to it. They interleave with the cycle's own calls (a decision may wait on busy
/// lecturers and provinces for seconds under load), so they read the state as last stored, never one a running
/// decision has not yet finished writing.
/// </summary>
public sealed partial class CycleGrain
{
    private ICycleReadModelGrain ReadModel => GrainFactory.GetGrain<ICycleReadModelGrain>(Id);

    /// <summary>The state as last stored (<see cref="StateUpdates.Committed"/>): what the board may read while a decision runs.</summary>
    private CycleState Answered() => state.RecordExists ? state.Committed() : throw new NotFoundException("cycle", Id);

    /// <summary>
    /// The cycle's courses in course order, as of now: from the model, but read from the course itself where the model
    /// holds none or one neither published nor re-read for <see cref="ReadModelOptions.RefreshAfter"/> (a course whose
    /// node died between storing a change and publishing it). A course out of reach then keeps the view the model holds.
    /// </summary>
    private async Task<List<CourseView>> ReadCoursesAsync(CycleState answered, CycleReadModel model)
    {
        var now = time.GetUtcNow();
        var refreshBefore = now - readModel.Value.RefreshAfter;
        var read = await Task.WhenAll(answered.CourseIds
            .Where(id => !model.Stamps.TryGetValue(id, out var stamp) || stamp.At <= refreshBefore)
            .Select(id => ReadCourseAsync(id, kept: model.Courses.ContainsKey(id))));
        var fresh = new Dictionary<string, CourseView>(StringComparer.Ordinal);
        foreach (var course in read.OfType<CourseView>())
        {
            await ReadModel.RefreshCourseAsync(course, model.RevisionOf(course.Id));
            fresh[course.Id] = course;
        }

        return [.. answered.CourseIds.Select(id => fresh.TryGetValue(id, out var current) ? current : CourseNominationWindow.At(model.Courses[id], now))];
    }

    /// <summary>A course's view from the course; null if it is out of reach and the model still has one to show.</summary>
    private async Task<CourseView?> ReadCourseAsync(string courseId, bool kept)
    {
        try
        {
            return await GrainFactory.GetGrain<ICourseGrain>(courseId).GetAsync();
        }
        catch (Exception exception) when (kept && exception is not DomainException)
        {
            LogCourseReRead(logger, exception, Id, courseId);
            return null;
        }
    }

    /// <summary>The names of <paramref name="lecturerIds"/> on file (a lecturer no longer on file is left out).</summary>
    private async Task<ImmutableDictionary<string, string>> ReadLecturerNamesAsync(CycleReadModel model, IEnumerable<string> lecturerIds)
    {
        var read = await Task.WhenAll(lecturerIds.Where(id => !model.LecturerNames.ContainsKey(id)).Select(async id =>
        {
            try
            {
                return (Id: id, Name: (string?)(await GrainFactory.GetGrain<ILecturerGrain>(id).GetAsync()).FullName);
            }
            catch (NotFoundException)
            {
                return (Id: id, Name: null); // an old record may name a lecturer no longer on file: the report shows the id
            }
        }));
        var found = read.Where(n => n.Name is not null).ToImmutableDictionary(n => n.Id, n => n.Name!, StringComparer.Ordinal);
        if (!found.IsEmpty)
        {
            await ReadModel.AddLecturerNamesAsync(found);
        }

        return model.LecturerNames.SetItems(found);
    }

    /// <summary>Planning reads every lecturer anyway: their names go to the read model for the report.</summary>
    private Task KeepLecturerNamesAsync(IEnumerable<LecturerView> lecturers) =>
        ReadModel.AddLecturerNamesAsync(lecturers.ToImmutableDictionary(l => l.Id, l => l.FullName, StringComparer.Ordinal));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId}: course {CourseId} could not be read again; the board sees its last published view")]
    private static partial void LogCourseReRead(ILogger logger, Exception exception, string cycleId, string courseId);
}
