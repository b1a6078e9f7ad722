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
        // Once published, hosts and lecturers hold requests and offers; changes then go through re-planning, course by course.
        EnsureStatus("adopt a variant in", CycleStatus.Planned);
        var (_, _, current) = await CurrentPlanAsync();
        if (variant.BasedOn != PlanFingerprint.Of(current))
        {
            throw new ConflictException(ConflictRules.StaleVariant, $"Variant '{variant.Name}' was made before the plan last changed; save it again to adopt it.");
        }

        var inVariant = variant.Courses.Select(c => c.CourseId).ToHashSet(StringComparer.Ordinal);
        var snapshot = await SnapshotAsync(c => inVariant.Contains(c.Id) && c.Status is CourseStatus.Proposed or CourseStatus.Planned);
        var plan = ToEnginePlan(variant);
        var weights = variant.Spec.Weights ?? state.State.Weights;
        // Scored against the real cycle, not the what-if one: a rule the variant's assumption hid still counts here.
        var breakdown = new Engine.CyclePlanner().Evaluate(CycleProblemMapper.ToProblem(snapshot), plan, ToEngine(weights));
        var proposals = CalendarReconciler.Reconcile(CycleProblemMapper.ToProposals(snapshot, plan, breakdown), snapshot);
        await state.UpdateAsync(s => s with { Weights = weights });
        await ApplyProposalsAsync(snapshot, proposals);
        LogVariantAdopted(logger, Id, variant.Name);
        return await GetPlanAsync();
    }

    private static Engine.CyclePlan ToEnginePlan(PlanVariant variant) => new(
        [.. variant.Courses.Select(c => new Engine.CoursePlacement(c.CourseId, c.HostProvince, c.Start, c.End))],
        [.. variant.Sessions.Select(s => new Engine.SessionAssignment(
            s.SessionId, s.CourseId, s.TopicCode, s.Date, s.Slot == SessionSlot.Morning ? Engine.HalfDay.Morning : Engine.HalfDay.Afternoon, s.Province, s.LecturerId))],
        default);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId}: variant {Variant} adopted as the plan")]
    private static partial void LogVariantAdopted(ILogger logger, string cycleId, string variant);
}
