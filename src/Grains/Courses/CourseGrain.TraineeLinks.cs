using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Courses;

/// <summary>
/// A nominee's personal link to the course and, from the set number of days before the start, its materials. Unlike
/// an evaluation link it is reusable; like one it is "&lt;course id&gt;.&lt;secret&gt;" and the course keeps only the hash.
/// The board issues for every nominee, a nominating province for its own; issuing again rotates the links.
/// </summary>
public sealed partial class CourseGrain
{
    public async Task<ImmutableArray<TraineeLink>> IssueTraineeLinksAsync(string? actingProvince)
    {
        EnsureExists();
        var current = state.State;
        var nominees = current.Trainees.Where(t => actingProvince is null || string.Equals(t.ProvinceCode, actingProvince, StringComparison.Ordinal)).ToList();
        if (actingProvince is not null && nominees.Count == 0)
        {
            throw new ForbiddenException($"{actingProvince} has no nominee in this course: a province issues links only for its own trainees.");
        }

        EnsureLinksOpen(current);
        var now = time.GetUtcNow();
        var links = nominees.Select(t => (Trainee: t, Secret: NewSecret())).ToList();
        var issued = links.Select(l => l.Trainee.TraineeId).ToHashSet(StringComparer.Ordinal);
        await state.UpdateAsync(s =>
        {
            EnsureLinksOpen(s);
            return s with
            {
                TraineeTickets = s.TraineeTickets
                    .RemoveAll(t => issued.Contains(t.TraineeId))
                    .AddRange(links.Select(l => new TraineeTicket(Hash(l.Secret), l.Trainee.TraineeId, now))),
            };
        });
        return [.. links.Select(l => new TraineeLink(l.Trainee.TraineeId, l.Trainee.ProvinceCode, l.Trainee.Trainee.FullName, $"{Id}.{l.Secret}"))];
    }

    public Task<TraineeCourseView> GetTraineeCourseAsync(string secret)
    {
        EnsureExists();
        var s = state.State;
        var hash = Encoding.ASCII.GetBytes(Hash(secret ?? ""));
        var ticket = s.TraineeTickets.FirstOrDefault(t => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(t.SecretHash), hash));
        // A withdrawn nominee's link names nobody any more (ids are never reused), so it is not found like a wrong one.
        var trainee = ticket is null ? null : s.Trainees.FirstOrDefault(t => t.TraineeId == ticket.TraineeId);
        if (trainee is null)
        {
            throw new NotFoundException("trainee", "link");
        }

        var materialsFrom = s.Start?.AddDays(-deadlines.Value.MaterialsDaysBeforeStart);
        return Task.FromResult(new TraineeCourseView(
            Id,
            trainee.TraineeId,
            trainee.Trainee.FullName,
            s.Title,
            s.Status,
            s.HostProvince,
            s.Start,
            s.End,
            s.HostLogistics?.Venue,
            [.. s.Sessions.Select(x => new EvaluationSession(x.SessionId, x.TopicCode, x.Date, x.Slot, x.Method, x.LecturerId))],
            materialsFrom,
            materialsFrom is DateOnly from && Deadlines.Today(time) >= from));
    }

    /// <summary>Links serve a course still to come or under way; a cancelled, closed or reported one has nothing to open.</summary>
    private static void EnsureLinksOpen(CourseState s)
    {
        if (s.Status is CourseStatus.Cancelled or CourseStatus.Closed or CourseStatus.Reported)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, $"The course is {s.Status}: no trainee links are issued for it.");
        }
    }
}
