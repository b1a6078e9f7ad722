using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Planning;
using OrleansTraining.Grains.Provinces;
using Engine = OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.Cycles;

/// <summary>The cycle's planning: the engine behind PlanAsync, the board's weights, explanations and what-if variants.</summary>
public sealed partial class CycleGrain
{
    /// <summary>
    /// The engine's budget. An iteration limit (not a time limit) keeps the plan a function of the cycle's state alone;
    /// sized so the national demo cycle plans feasibly in well under two seconds on a shared two-core machine (measured:
    /// 0.35–0.7 s; 60,000 or 120,000 iterations took 1–2 s for a soft score within 0.1 %).
    /// </summary>
    public const long PlanIterations = 30_000;

    /// <summary>A fixed seed: the same state gives the same plan on every node and after every restart.</summary>
    public const long PlanSeed = 1;

    private const int WeightMaximum = 1_000_000;

    public async Task<PlanResult> PlanAsync()
    {
        await EnsureNoActiveRunAsync();
        var input = await PreparePlanAsync();
        var clock = Stopwatch.StartNew();
        // The engine is pure CPU work on an immutable problem: it runs on the thread pool, not on Orleans' scheduler threads.
        var planned = await Task.Run(() => new Engine.CyclePlanner().Plan(input.Problem, input.Settings));
        var result = await ApplyPlannedAsync(input.Snapshot, planned);
        LogEngine(logger, Id, planned.Breakdown.Score.Hard, planned.Breakdown.Score.Soft, planned.Search.Iterations, clock.ElapsedMilliseconds);
        return result;
    }

    /// <summary>What the engine plans from now: the courses to place, the cycle's calendar, provinces and lecturers.</summary>
    private async Task<PlanInput> PreparePlanAsync()
    {
        EnsureExists();
        EnsureStatus("plan", CycleStatus.Draft, CycleStatus.Planned, CycleStatus.Published, CycleStatus.Running);
        // After publish only the courses not yet published are planned: every published course, with its host, dates,
        // offers and acceptances, stays exactly as it is, and its venue days are taken.
        var published = state.State.Status is CycleStatus.Published or CycleStatus.Running;
        var snapshot = await SnapshotAsync(c => c.Status is CourseStatus.Proposed or CourseStatus.Planned);
        if (published)
        {
            snapshot = CommittedVenues.Block(snapshot, await CoursesAsync());
        }

        // Courses added to a planned cycle are placed around the planned ones; with nothing new, everything is planned
        // again (e.g. after the board changed the weights).
        var addingCourses = snapshot.Courses.Any(c => c.View.Status == CourseStatus.Proposed) && snapshot.Courses.Any(c => c.View.Status == CourseStatus.Planned);
        var problem = CycleProblemMapper.ToProblem(snapshot, keepPlacedCourses: addingCourses);
        EnsurePlannable(problem);
        return new PlanInput(snapshot, problem, Settings(state.State.Weights));
    }

    /// <summary>Turns the engine's plan into the courses' schedules, in the cycle's calendar and class order.</summary>
    private Task<PlanResult> ApplyPlannedAsync(CycleSnapshot snapshot, Engine.PlanResult planned) =>
        ApplyProposalsAsync(snapshot, ProposalsOf(snapshot, planned));

    private static ImmutableArray<CourseProposal> ProposalsOf(CycleSnapshot snapshot, Engine.PlanResult planned) =>
        ClassOrder.Apply(CalendarReconciler.Reconcile(CycleProblemMapper.ToProposals(snapshot, planned.Plan, planned.Breakdown), snapshot), snapshot);

    private sealed record PlanInput(CycleSnapshot Snapshot, Engine.CycleProblem Problem, Engine.PlannerSettings Settings);

    /// <summary>Records the proposals: placed courses get their schedules, the others go back to Proposed, issues say why.</summary>
    private async Task<PlanResult> ApplyProposalsAsync(CycleSnapshot snapshot, ImmutableArray<CourseProposal> proposals)
    {
        var recording = await RecordPlanAsync(snapshot, proposals, run: null);
        await DeliverPlanAsync(recording, skipRefused: false);
        return recording.Result;
    }

    /// <summary>
    /// The plan's part in the cycle (status, issues, last cycle's hosts) in one write, with the stored run's recording if
    /// a run is recording it; what the courses get is in the returned recording, for <see cref="DeliverPlanAsync"/>.
    /// </summary>
    private async Task<PlanRecording> RecordPlanAsync(CycleSnapshot snapshot, ImmutableArray<CourseProposal> proposals, PlanningRunRecord? run)
    {
        var issues = proposals
            .SelectMany(c => c.Schedule is null
                ? [new PlanIssue(c.CourseId, null, c.UnhostedReason ?? "No host found.")]
                : c.Schedule.Sessions
                    .Select((s, i) => (s, i))
                    .Where(x => x.s.LecturerId is null)
                    .Select(x => new PlanIssue(c.CourseId, $"s{x.i + 1:00}", x.s.UnstaffedReason ?? "No lecturer found.")))
            .ToImmutableArray();
        var previousHosts = snapshot.Provinces.Where(p => p.HostingHistory.Any(h => h.CycleId == snapshot.PreviousCycleId)).Select(p => p.Code).ToImmutableArray();
        var planned = snapshot.Courses.Select(c => c.View.Id).ToHashSet(StringComparer.Ordinal);
        var schedules = proposals.Where(c => c.Schedule is not null).Select(c => new ScheduledCourse(c.CourseId, c.Schedule!)).ToImmutableArray();
        var backToProposed = proposals
            .Where(c => c.Schedule is null && snapshot.Courses.Single(s => s.View.Id == c.CourseId).View.Status == CourseStatus.Planned)
            .Select(c => c.CourseId)
            .ToImmutableArray();
        var status = state.State.Status is CycleStatus.Draft ? CycleStatus.Planned : state.State.Status;
        var recording = new PlanRecording(schedules, backToProposed, Summary(status, schedules, issues));
        await state.UpdateAsync(s => s with
        {
            Status = s.Status is CycleStatus.Draft ? CycleStatus.Planned : s.Status,
            PlanIssues = s.PlanIssues.RemoveAll(i => planned.Contains(i.CourseId)).AddRange(issues),
            PreviousHosts = previousHosts,
            ActiveRun = run is not null && s.ActiveRun?.RunId == run.RunId ? s.ActiveRun with { Recording = recording } : s.ActiveRun,
        });
        LogPlanned(logger, Id, schedules.Length, recording.Result.SessionsStaffed, issues.Length);
        return recording;
    }

    /// <summary>
    /// The plan's schedules to their courses, and the courses no longer placed back to Proposed. Idempotent, so a recording
    /// interrupted part-way is delivered again whole. With <paramref name="skipRefused"/> a course that refuses (it was
    /// published or closed meanwhile) keeps what it has, the others are still delivered, and the refusals are returned as
    /// plan issues for the cycle to record; otherwise the refusal stops the delivery.
    /// </summary>
    private async Task<ImmutableArray<PlanIssue>> DeliverPlanAsync(PlanRecording recording, bool skipRefused)
    {
        var refusals = ImmutableArray.CreateBuilder<PlanIssue>();
        foreach (var course in recording.Schedules)
        {
            await DeliverAsync(course.CourseId, grain => grain.ApplyScheduleAsync(course.Schedule));
        }

        foreach (var courseId in recording.BackToProposed)
        {
            await DeliverAsync(courseId, grain => grain.ReviseDraftAsync(DraftOf(courseId), keepsPlan: false));
        }

        return refusals.ToImmutable();

        async Task DeliverAsync(string courseId, Func<ICourseGrain, Task> deliver)
        {
            try
            {
                await deliver(GrainFactory.GetGrain<ICourseGrain>(courseId));
            }
            catch (DomainException refused) when (skipRefused)
            {
                LogScheduleRefused(logger, Id, courseId, refused.Message);
                refusals.Add(new PlanIssue(courseId, null, $"The course kept what it had instead of the plan: {refused.Message}"));
            }
        }
    }

    /// <summary>What a plan reports: the courses it schedules, their sessions staffed and not, and its issues.</summary>
    private static PlanResult Summary(CycleStatus status, IEnumerable<ScheduledCourse> schedules, ImmutableArray<PlanIssue> issues)
    {
        var courses = schedules.ToList();
        var sessions = courses.SelectMany(c => c.Schedule.Sessions).ToList();
        var staffed = sessions.Count(s => s.LecturerId is not null);
        return new PlanResult(status, courses.Count, staffed, sessions.Count - staffed, issues);
    }

    public async Task<PlannerWeights> SetPlannerWeightsAsync(PlannerWeights weights)
    {
        EnsureExists();
        var clean = ValidWeights(weights, "weights.");
        await state.UpdateAsync(s => s with { Weights = clean });
        return clean;
    }

    public async Task<PlanScoreBreakdown> GetPlanScoreAsync()
    {
        EnsureExists();
        var (snapshot, problem, plan) = await CurrentPlanAsync();
        var planner = new Engine.CyclePlanner();
        var breakdown = planner.Evaluate(problem, plan, ToEngine(state.State.Weights));
        var infeasibility = breakdown.Score.IsFeasible ? [] : planner.Diagnose(problem).Causes;
        return new PlanScoreBreakdown(
            snapshot.CycleId,
            ToScore(breakdown.Score),
            state.State.Weights,
            [.. breakdown.Constraints.Select(c => new ConstraintScoreView(c.Constraint.ToString(), c.IsHard, c.Matches, c.Cost))],
            [.. breakdown.HardMatches.Select(m => new ViolationView(m.Constraint.ToString(), m.Description, ReadableIds(m.Entities)))],
            [.. infeasibility.Select(c => new InfeasibilityView(c.Constraint.ToString(), c.Message, ReadableIds(c.Entities)))]);
    }

    public async Task<PlanExplanation> ExplainSessionAsync(string courseId, string sessionId)
    {
        EnsureExists();
        var (_, problem, plan) = await CurrentPlanAsync();
        var index = sessionId is ['s', .. var number] && int.TryParse(number, out var n) ? n - 1 : -1;
        var engineId = Engine.CycleProblem.SessionId(courseId ?? "", index);
        if (!plan.Sessions.Any(s => s.SessionId == engineId))
        {
            throw new NotFoundException("session", $"{courseId}/{sessionId}");
        }

        return ToExplanation(new Engine.CyclePlanner().ExplainSession(problem, plan, engineId, ToEngine(state.State.Weights)));
    }

    public async Task<PlanExplanation> ExplainCourseAsync(string courseId)
    {
        EnsureExists();
        var (_, problem, plan) = await CurrentPlanAsync();
        if (!plan.Courses.Any(c => c.CourseId == courseId))
        {
            throw new NotFoundException("course", courseId ?? "");
        }

        return ToExplanation(new Engine.CyclePlanner().ExplainCourse(problem, plan, courseId, ToEngine(state.State.Weights)));
    }

    public async Task<VariantSummary> SaveVariantAsync(string name, VariantSpec spec)
    {
        EnsureExists();
        var slug = Require.Slug(name, "name");
        Require.Present(spec, "spec");
        var weights = spec.Weights is null ? null : ValidWeights(spec.Weights, "spec.weights.");
        var (snapshot, problem, current) = await CurrentPlanAsync();
        var change = ToChange(spec, snapshot);
        var variantProblem = change?.ApplyTo(problem) ?? problem;
        EnsurePlannable(variantProblem);
        // WhatIf would plan the same variant but returns only the comparison; the plan itself is kept to compare later.
        var variantSettings = Settings(weights ?? state.State.Weights);
        var planned = await Task.Run(() => new Engine.CyclePlanner().Plan(variantProblem, variantSettings));
        var variant = new PlanVariant(
            slug,
            spec with { Weights = weights, UnavailableDates = spec.UnavailableDates.IsDefault ? [] : spec.UnavailableDates },
            time.GetUtcNow(),
            ToScore(planned.Breakdown.Score),
            [.. planned.Plan.Courses.Select(c => new VariantCourse(c.CourseId, c.HostProvince, c.Start, c.End))],
            [.. planned.Plan.Sessions.Select(s => new VariantSession(
                s.SessionId, s.CourseId, s.TopicId, s.Date, s.Slot == Engine.HalfDay.Morning ? SessionSlot.Morning : SessionSlot.Afternoon, s.Province, s.LecturerId))],
            PlanFingerprint.Of(current));
        await state.UpdateAsync(s => s with { Variants = s.Variants.SetItem(slug, variant) });
        LogVariantSaved(logger, Id, slug, variant.Score.Hard, variant.Score.Soft);
        return Summary(variant, variant.BasedOn);
    }

    public async Task<ImmutableArray<VariantSummary>> GetVariantsAsync()
    {
        EnsureExists();
        if (state.State.Variants.IsEmpty)
        {
            return [];
        }

        var (_, _, current) = await CurrentPlanAsync();
        var fingerprint = PlanFingerprint.Of(current);
        return [.. state.State.Variants.Values.OrderBy(v => v.Name, StringComparer.Ordinal).Select(v => Summary(v, fingerprint))];
    }

    public async Task<VariantComparison> CompareVariantAsync(string name)
    {
        EnsureExists();
        var variant = state.State.Variants.GetValueOrDefault(name ?? "") ?? throw new NotFoundException("variant", name ?? "");
        var (snapshot, problem, plan) = await CurrentPlanAsync();
        var variantProblem = ToChange(variant.Spec, snapshot)?.ApplyTo(problem) ?? problem;
        var variantPlan = ToEnginePlan(variant);
        var planner = new Engine.CyclePlanner();
        var comparison = Engine.CyclePlanner.Compare(
            planner.Evaluate(problem, plan, ToEngine(state.State.Weights)),
            plan,
            planner.Evaluate(variantProblem, variantPlan, ToEngine(variant.Spec.Weights ?? state.State.Weights)),
            variantPlan);
        return new VariantComparison(
            variant.Name,
            ToScore(comparison.A),
            ToScore(comparison.B),
            [.. comparison.Constraints.Select(c => new ConstraintDiffView(c.Constraint.ToString(), c.A, c.B, c.Difference))],
            [.. comparison.Moves.Select(m => new MovedAssignment(m.Kind.ToString(), ReadableId(m.EntityId), m.From, m.To))]);
    }

    private static Engine.PlannerSettings Settings(PlannerWeights weights) =>
        new() { Seed = PlanSeed, TimeLimit = null, MaxIterations = PlanIterations, Weights = ToEngine(weights) };

    private static Engine.PlannerWeights ToEngine(PlannerWeights weights) => new()
    {
        TraineeTravel = weights.TraineeTravel,
        LecturerTravel = weights.LecturerTravel,
        FairLoad = weights.FairLoad,
        HostRotation = weights.HostRotation,
        CourseSpread = weights.CourseSpread,
        HostSpread = weights.HostSpread,
        RegionalBalance = weights.RegionalBalance,
        OwnDepartment = weights.OwnDepartment,
        Changes = weights.Changes,
    };

    /// <summary>The placed courses (host, dates, sessions) as the engine's problem and plan, for scoring and explaining.</summary>
    private async Task<(CycleSnapshot Snapshot, Engine.CycleProblem Problem, Engine.CyclePlan Plan)> CurrentPlanAsync()
    {
        var snapshot = await SnapshotAsync(IsPlaced);
        return (snapshot, CycleProblemMapper.ToProblem(snapshot), CycleProblemMapper.ToPlan(snapshot));
    }

    private async Task<CycleSnapshot> SnapshotAsync(Func<CourseView, bool> include)
    {
        var courses = (await CoursesAsync()).Where(include).Select(c => new SnapshotCourse(c, DraftOf(c.Id))).ToImmutableArray();
        return new CycleSnapshot(
            Id,
            state.State.Start,
            state.State.End,
            state.State.PreviousCycleId,
            courses,
            [.. await ProvincesAsync()],
            [.. await LecturersAsync()],
            state.State.Declined);
    }

    private static Engine.PlanChange? ToChange(VariantSpec spec, CycleSnapshot snapshot)
    {
        var changes = ImmutableArray.CreateBuilder<Engine.PlanChange>();
        if (!string.IsNullOrWhiteSpace(spec.RemovedLecturerId))
        {
            var lecturer = spec.RemovedLecturerId.Trim();
            if (!snapshot.Lecturers.Any(l => l.Id == lecturer))
            {
                throw new NotFoundException("lecturer", lecturer);
            }

            changes.Add(new Engine.LecturerRemoved(lecturer));
        }

        if (!string.IsNullOrWhiteSpace(spec.UnavailableProvince))
        {
            var province = ProvinceDirectory.Resolve(spec.UnavailableProvince)?.Code ?? throw new NotFoundException("province", spec.UnavailableProvince);
            var dates = spec.UnavailableDates.IsDefaultOrEmpty
                ? [.. Enumerable.Range(0, snapshot.End.DayNumber - snapshot.Start.DayNumber + 1).Select(snapshot.Start.AddDays)]
                : spec.UnavailableDates;
            changes.Add(new Engine.ProvinceUnavailable(province, dates));
        }

        return changes.Count switch
        {
            0 => null,
            1 => changes[0],
            _ => new Engine.CombinedChange(changes.ToImmutable()),
        };
    }

    private static PlannerWeights ValidWeights(PlannerWeights? weights, string prefix)
    {
        Require.Present(weights, prefix.TrimEnd('.'));
        return new PlannerWeights
        {
            TraineeTravel = Require.Range(weights.TraineeTravel, 0, WeightMaximum, prefix + "traineeTravel"),
            LecturerTravel = Require.Range(weights.LecturerTravel, 0, WeightMaximum, prefix + "lecturerTravel"),
            FairLoad = Require.Range(weights.FairLoad, 0, WeightMaximum, prefix + "fairLoad"),
            HostRotation = Require.Range(weights.HostRotation, 0, WeightMaximum, prefix + "hostRotation"),
            CourseSpread = Require.Range(weights.CourseSpread, 0, WeightMaximum, prefix + "courseSpread"),
            HostSpread = Require.Range(weights.HostSpread, 0, WeightMaximum, prefix + "hostSpread"),
            RegionalBalance = Require.Range(weights.RegionalBalance, 0, WeightMaximum, prefix + "regionalBalance"),
            OwnDepartment = Require.Range(weights.OwnDepartment, 0, WeightMaximum, prefix + "ownDepartment"),
            Changes = Require.Range(weights.Changes, 0, WeightMaximum, prefix + "changes"),
        };
    }

    private static PlanExplanation ToExplanation(Engine.AssignmentExplanation explanation) => new(
        ReadableId(explanation.Subject),
        explanation.Current,
        ToScore(explanation.Score),
        [.. explanation.Alternatives.Select(a => new AlternativeView(
            a.Option,
            ToScore(a.Score),
            ToScore(a.Difference),
            [.. a.Changes.Select(c => new ConstraintDeltaView(c.Constraint.ToString(), c.Difference))]))],
        explanation.Summary);

    private static PlanScore ToScore(Planner.Search.Score score) => new(score.Hard, score.Soft, score.IsFeasible);

    /// <summary>A variant is stale once the plan it was made from has changed: comparing or adopting it would mislead.</summary>
    private static VariantSummary Summary(PlanVariant variant, string? currentPlan) =>
        new(variant.Name, variant.Spec, variant.CreatedAt, variant.Score, Stale: variant.BasedOn != currentPlan);

    private static ImmutableArray<string> ReadableIds(ImmutableArray<string> entities) => [.. entities.Select(ReadableId)];

    /// <summary>Engine session ids ("courseId/2") read as the grain's ("courseId/s03"); other ids are the grain's already.</summary>
    private static string ReadableId(string entity)
    {
        var slash = entity.LastIndexOf('/');
        return slash > 0 && int.TryParse(entity.AsSpan(slash + 1), out _)
            ? $"{entity[..slash]}/{CycleProblemMapper.GrainSessionId(entity)}"
            : entity;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} engine plan: {Hard} hard, {Soft} soft after {Iterations} iterations in {ElapsedMs} ms")]
    private static partial void LogEngine(ILogger logger, string cycleId, long hard, long soft, long iterations, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} variant {Variant} saved: {Hard} hard, {Soft} soft")]
    private static partial void LogVariantSaved(ILogger logger, string cycleId, string variant, long hard, long soft);
}
