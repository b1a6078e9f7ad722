using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Planning;
using Engine = OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.Cycles;

/// <summary>A lecturer's decline, or withdrawal from an accepted session, answered by the engine's minimal-change repair.</summary>
public sealed partial class CycleGrain
{
    /// <summary>
    /// Re-plans after <paramref name="declinedBy"/> declined the session (or withdrew from it: the engine's decline drops
    /// the acceptance pin), changing as little as possible. Hosts and dates
    /// stay (hosting requests are out), accepted sessions stay; only offered sessions may change lecturer. The repair is
    /// used only when it staffs the session without breaking a rule, the lecturer grains' calendar included; otherwise the
    /// session goes to the next suitable lecturer as before (which also says why nobody can take it).
    /// </summary>
    private async Task AnswerDeclineAsync(CourseView course, SessionView session, string declinedBy, DateTimeOffset now)
    {
        var snapshot = await SnapshotAsync(IsPlaced);
        var problem = CycleProblemMapper.ToProblem(snapshot, keepPlacedCourses: true);
        var engineSession = CycleProblemMapper.EngineSessionId(course.Id, session.SessionId);
        var repair = new Engine.CyclePlanner().Repair(
            problem,
            CycleProblemMapper.ToPlan(snapshot),
            new Engine.LecturerDeclined(engineSession, declinedBy),
            Settings(state.State.Weights) with { MaxIterations = Engine.CyclePlanner.DefaultRepairIterations });
        var moves = repair.Moves;
        var usable = repair.Breakdown.Score.IsFeasible
            && moves.All(m => m.Kind == Engine.PlanMoveKind.Lecturer && m.To is not null)
            && moves.Any(m => m.EntityId == engineSession)
            && KeepsCalendars(snapshot, repair.Plan, moves);
        if (!usable)
        {
            LogRepairNotUsed(logger, Id, engineSession, repair.Breakdown.Score.Hard, moves.Length);
            await OfferSessionAsync(course, session, now);
            return;
        }

        // Every move is one decision: the offers it withdraws and the offers it makes are recorded in one write.
        var views = snapshot.Courses.ToDictionary(c => c.View.Id, c => c.View, StringComparer.Ordinal);
        var moved = moves.Select(move =>
        {
            var courseId = move.EntityId[..move.EntityId.LastIndexOf('/')];
            var view = views[courseId];
            return (Course: view, Session: view.Sessions.Single(s => s.SessionId == CycleProblemMapper.GrainSessionId(move.EntityId)), To: move.To!);
        }).ToList();
        await DecideAsync(
            s => moved.Aggregate(s, (acc, m) =>
            {
                var key = SessionKey(m.Course.Id, m.Session.SessionId);
                return acc with { OfferCounts = acc.OfferCounts.SetItem(key, acc.OfferCounts.GetValueOrDefault(key) + 1) };
            }),
            s => moved.SelectMany(m =>
            {
                var key = SessionKey(m.Course.Id, m.Session.SessionId);
                var offers = OfferDeliveries(m.Course, m.Session, m.To, AssignmentId(key, s.OfferCounts[key]), now);
                // Another offered session gives its lecturer up for the repair: its offer is withdrawn first.
                var isAnother = m.Session.SessionId != session.SessionId || m.Course.Id != course.Id;
                return isAnother && m.Session is { LecturerId: not null, AssignmentId: not null }
                    ? [WithdrawDelivery(
                        m.Session.LecturerId!,
                        m.Session.AssignmentId!,
                        $"Re-planned after a decline: this session goes to another lecturer so that {session.TopicCode} in course {course.Id} on {session.Date:yyyy-MM-dd} can be staffed."), .. offers]
                    : offers;
            }));

        LogRepaired(logger, Id, engineSession, moves.Length);
    }

    private static bool IsPlaced(CourseView course) =>
        course.Status is not CourseStatus.Cancelled && course.HostProvince is not null && course.Start is not null && course.End is not null && course.Sessions.Length > 0;

    /// <summary>
    /// Whether every new assignment passes the lecturer grain's calendar against that lecturer's live sessions, those
    /// the repair moves away excluded: an offer the lecturer could not accept must not be sent.
    /// </summary>
    private static bool KeepsCalendars(CycleSnapshot snapshot, Engine.CyclePlan plan, ImmutableArray<Engine.PlanMove> moves)
    {
        var movedAway = moves.Select(m => (Session: m.EntityId, Lecturer: m.From)).ToHashSet();
        var lecturers = snapshot.Lecturers.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var added = new Dictionary<string, List<Booking>>(StringComparer.Ordinal);
        foreach (var move in moves)
        {
            if (!lecturers.TryGetValue(move.To!, out var lecturer))
            {
                return false;
            }

            var live = lecturer.Assignments
                .Where(a => a.Status is AssignmentStatus.Offered or AssignmentStatus.Accepted)
                .Where(a => !movedAway.Contains((CycleProblemMapper.EngineSessionId(a.Offer.CourseId, a.Offer.SessionId), lecturer.Id)))
                .ToList();
            var mine = added.TryGetValue(lecturer.Id, out var list) ? list : added[lecturer.Id] = [];
            var target = plan.Session(move.EntityId);
            var slot = target.Slot == Engine.HalfDay.Morning ? Common.SessionSlot.Morning : Common.SessionSlot.Afternoon;
            var booking = new Booking(target.Date, slot, target.Province);
            var clash = LecturerCalendar.Check(
                booking,
                [.. live.Select(a => new Booking(a.Offer.Date, a.Offer.Slot, a.Offer.ProvinceCode)), .. mine],
                lecturer.UnavailableDates,
                live.Count(a => a.Offer.CycleId == snapshot.CycleId) + mine.Count,
                lecturer.MaxSessionsPerCycle);
            if (clash is not null)
            {
                return false;
            }

            mine.Add(booking);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId}: decline of {Session} repaired with {Moves} lecturer moves")]
    private static partial void LogRepaired(ILogger logger, string cycleId, string session, int moves);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId}: repair of {Session} not used ({Hard} hard, {Moves} moves); next suitable lecturer instead")]
    private static partial void LogRepairNotUsed(ILogger logger, string cycleId, string session, long hard, int moves);
}
