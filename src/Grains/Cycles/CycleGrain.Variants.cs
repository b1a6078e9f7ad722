using Microsoft.Extensions.Logging;
using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Planning;
using Engine = OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.Cycles;

/// <summary>Adopting a what-if variant as the plan.</summary>
public sealed partial class CycleGrain
{
    public async Task<CyclePlan> AdoptVariantAsync(string name)
    {
        EnsureExists();
        var variant = state.State.Variants.GetValueOrDefault(name ?? "") ?? throw new NotFoundException("variant", name ?? "");
        EnsureStatus("adopt a variant in", CycleStatus.Planned, CycleStatus.Published, CycleStatus.Running);
        var (_, _, current) = await CurrentPlanAsync();
        if (variant.BasedOn != PlanFingerprint.Of(current))
        {
            throw new ConflictException(ConflictRules.StaleVariant, $"Variant '{variant.Name}' was made before the plan last changed; save it again to adopt it.");
        }

        var inVariant = variant.Courses.Select(c => c.CourseId).ToHashSet(StringComparer.Ordinal);
        if (state.State.Status is not CycleStatus.Planned)
        {
            await AdoptAfterPublishAsync(variant);
        }

        var weights = variant.Spec.Weights ?? state.State.Weights;
        await state.UpdateAsync(s => s with { Weights = weights });
        var snapshot = await SnapshotAsync(c => inVariant.Contains(c.Id) && c.Status is CourseStatus.Proposed or CourseStatus.Planned);
        if (!snapshot.Courses.IsEmpty)
        {
            var unpublished = snapshot.Courses.Select(c => c.View.Id).ToHashSet(StringComparer.Ordinal);
            var whole = ToEnginePlan(variant);
            var plan = whole with
            {
                Courses = [.. whole.Courses.Where(c => unpublished.Contains(c.CourseId))],
                Sessions = [.. whole.Sessions.Where(x => unpublished.Contains(x.CourseId))],
            };
            // Scored against the real cycle, not the what-if one: a rule the variant's assumption hid still counts here.
            var breakdown = new Engine.CyclePlanner().Evaluate(CycleProblemMapper.ToProblem(snapshot), plan, ToEngine(weights));
            await ApplyProposalsAsync(snapshot, CalendarReconciler.Reconcile(CycleProblemMapper.ToProposals(snapshot, plan, breakdown), snapshot));
        }

        LogVariantAdopted(logger, Id, variant.Name);
        return await GetPlanAsync();
    }

    /// <summary>
    /// After publish a variant is adopted under the same protection as any change: published courses keep their host and
    /// dates (the provinces hold requests for them) and every accepted session keeps its lecturer; a session still open
    /// (offered, unanswered, or unstaffed) goes to the variant's lecturer where that lecturer's calendar allows, the open
    /// offer withdrawn with the reason. Courses not yet published take the variant's plan whole, as before publish.
    /// </summary>
    private async Task AdoptAfterPublishAsync(PlanVariant variant)
    {
        var now = time.GetUtcNow();
        var courses = (await CoursesAsync()).Where(c => c.Status is CourseStatus.Published or CourseStatus.HostConfirmed).ToList();
        var wanted = variant.Sessions.ToDictionary(s => s.SessionId, s => s.LecturerId, StringComparer.Ordinal);
        var changes = courses
            .SelectMany(c => c.Sessions.Select((x, i) => (Course: c, Session: x, Wanted: wanted.GetValueOrDefault(Engine.CycleProblem.SessionId(c.Id, i)))))
            .Where(x => x.Wanted is not null && x.Wanted != x.Session.LecturerId && x.Session.Staffing is not StaffingStatus.Accepted)
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var open = changes.Where(x => x.Session is { LecturerId: not null, AssignmentId: not null }).ToList();
        var lecturers = (await LecturersAsync())
            .Select(l => ToPlanning(l, excludeAssignmentIds: [.. open.Where(x => x.Session.LecturerId == l.Id).Select(x => x.Session.AssignmentId!)]))
            .ToList();
        var choices = changes
            .Select(x => (x.Course, x.Session, Choice: ChooseAndBook(x.Course, x.Session, x.Wanted, lecturers)))
            .Where(x => x.Choice.LecturerId == changes.First(c => c.Course.Id == x.Course.Id && c.Session.SessionId == x.Session.SessionId).Wanted)
            .ToList();
        var why = $"The board adopted plan variant '{variant.Name}', which gives this session to another lecturer.";
        await DecideAsync(
            s => choices.Aggregate(s, (acc, c) => WithChoice(acc, c.Course.Id, c.Session.SessionId, c.Choice, now)),
            s => choices
                .Where(c => c.Session is { LecturerId: not null, AssignmentId: not null })
                .Select(c => WithdrawDelivery(c.Session.LecturerId!, c.Session.AssignmentId!, why))
                .Concat(choices.SelectMany(c => ChoiceDeliveries(s, c.Course, c.Session, c.Choice, now))));
    }

    private static Engine.CyclePlan ToEnginePlan(PlanVariant variant) => new(
        [.. variant.Courses.Select(c => new Engine.CoursePlacement(c.CourseId, c.HostProvince, c.Start, c.End))],
        [.. variant.Sessions.Select(s => new Engine.SessionAssignment(
            s.SessionId, s.CourseId, s.TopicCode, s.Date, s.Slot == SessionSlot.Morning ? Engine.HalfDay.Morning : Engine.HalfDay.Afternoon, s.Province, s.LecturerId))],
        default);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId}: variant {Variant} adopted as the plan")]
    private static partial void LogVariantAdopted(ILogger logger, string cycleId, string variant);
}
