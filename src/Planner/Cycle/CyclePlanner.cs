using System.Collections.Immutable;
using OrleansTraining.Planner.Search;

namespace OrleansTraining.Planner.Cycle;

/// <summary>
/// Plans, repairs, explains and compares national training cycles. Pure: no I/O, no threads; the same
/// problem and settings (with an iteration limit) give the same plan.
/// </summary>
public sealed class CyclePlanner
{
    /// <summary>Repair budget when the settings give no iteration limit: enough for a local fix at national scale.</summary>
    public const long DefaultRepairIterations = 20_000;

    /// <summary>A repair stops once feasible and no better for this many iterations: a local fix is found fast or not at all.</summary>
    public const long RepairStallIterations = 3_000;

    private readonly SimulatedAnnealing _engine = new();

    public PlanResult Plan(
        CycleProblem problem,
        PlannerSettings settings,
        CancellationToken cancellationToken = default,
        IProgress<SearchProgress>? progress = null)
    {
        var model = new CycleModel(problem, settings.Weights);
        var state = new CycleState(model);
        var initial = PlanConstruction.Build(model, new SplitMix64(settings.Seed));
        state.Load(initial.Host, initial.Start, initial.Lecturer);
        var search = _engine.Run(state, new SearchOptions
        {
            Seed = settings.Seed,
            TimeLimit = settings.TimeLimit,
            MaxIterations = settings.MaxIterations,
            HardWeight = 10_000,
            InitialTemperature = 100,
            FinalTemperature = 1,
            StopWhenFeasible = settings.StopWhenFeasible,
            ProgressInterval = settings.ProgressInterval,
        }, cancellationToken, progress);
        if (!settings.StopWhenFeasible)
            PlanPolish.Run(model, state, cancellationToken);
        var plan = ToPlan(model, state);
        var breakdown = CycleScorer.Score(model, plan);
        return new PlanResult(plan, breakdown, search, breakdown.Score.IsFeasible ? null : Diagnose(model, breakdown));
    }

    /// <summary>
    /// Re-plans after <paramref name="change"/>, starting from <paramref name="previous"/> and charging
    /// <see cref="PlannerWeights.Changes"/> for every host, start or lecturer that moves. If the previous plan
    /// is still feasible under the change, it is returned unchanged.
    /// </summary>
    public RepairResult Repair(
        CycleProblem problem,
        CyclePlan previous,
        PlanChange change,
        PlannerSettings settings,
        CancellationToken cancellationToken = default)
    {
        var changed = change.ApplyTo(problem);
        var model = new CycleModel(changed, settings.Weights, previous);
        var state = new CycleState(model);
        var (host, start, lecturer) = FromPlan(model, previous);
        state.Load(host, start, lecturer);
        var before = ToPlan(model, state);
        var breakdown = CycleScorer.Score(model, before);
        if (breakdown.Score.IsFeasible)
            return new RepairResult(before, [], breakdown, null);

        // Moves concentrate on what the change broke; the Changes weight keeps everything else in place.
        var brokenIds = breakdown.HardMatches.SelectMany(m => m.Entities).ToHashSet();
        var courses = Enumerable.Range(0, model.Courses.Length).Where(c => brokenIds.Contains(model.Courses[c].Id)).ToArray();
        var sessions = Enumerable.Range(0, model.Sessions.Length)
            .Where(s => brokenIds.Contains(model.Sessions[s].Id) || courses.Contains(model.Sessions[s].Course))
            .ToArray();
        state.Focus(courses, sessions);
        var search = _engine.Run(state, new SearchOptions
        {
            Seed = settings.Seed,
            TimeLimit = settings.TimeLimit,
            MaxIterations = settings.MaxIterations ?? DefaultRepairIterations,
            HardWeight = 100_000,
            InitialTemperature = settings.Weights.Changes / 10.0 + 1,
            FinalTemperature = 0.5,
            StallIterations = RepairStallIterations,
        }, cancellationToken);
        var plan = ToPlan(model, state);
        return new RepairResult(plan, Diff(previous, plan), CycleScorer.Score(model, plan), search);
    }

    /// <summary>The plan's score broken down per constraint, with every match and its entities.</summary>
    public ScoreBreakdown Evaluate(CycleProblem problem, CyclePlan plan, PlannerWeights weights) =>
        CycleScorer.Score(new CycleModel(problem, weights), plan);

    /// <summary>Why this lecturer teaches this session: every qualified alternative, best first, with the score difference.</summary>
    public AssignmentExplanation ExplainSession(CycleProblem problem, CyclePlan plan, string sessionId, PlannerWeights weights, int alternatives = 3)
    {
        var (model, state) = Load(problem, plan, weights);
        var s = model.SessionIndex[sessionId];
        var current = state.LecturerOf(s);
        var options = Enumerable.Range(0, problem.Lecturers.Length)
            .Where(l => l != current && model.LecturerQualified[l][model.Sessions[s].Topic])
            .Select(l => Try(state, problem.Lecturers[l].Id, () => state.SetLecturer(s, l), () => state.SetLecturer(s, current)));
        return Explain(sessionId, current < 0 ? null : problem.Lecturers[current].Id, state, options, alternatives);
    }

    /// <summary>Why this host and start: the alternative hosts (same dates) and start dates (same host), best first.</summary>
    public AssignmentExplanation ExplainCourse(CycleProblem problem, CyclePlan plan, string courseId, PlannerWeights weights, int alternatives = 3)
    {
        var (model, state) = Load(problem, plan, weights);
        var c = model.CourseIndex[courseId];
        var info = model.Courses[c];
        var (host, start) = (state.Host(c), state.Start(c));
        var hosts = info.CandidateHosts.Where(h => h != host)
            .Select(h => Try(state, $"host {problem.Provinces[h].Code}", () => state.SetCourse(c, h, start), () => state.SetCourse(c, host, start)));
        var starts = info.ValidStarts.Where(d => d != start)
            .Select(d => Try(state, $"start {model.DateOf(d):yyyy-MM-dd}", () => state.SetCourse(c, host, d), () => state.SetCourse(c, host, start)));
        var placement = plan.Course(courseId);
        return Explain(courseId, $"host {placement.HostProvince}, start {placement.Start:yyyy-MM-dd}", state, hosts.Concat(starts), alternatives);
    }

    /// <summary>
    /// Causes of infeasibility that follow from the input alone: sessions nobody may teach, topics needing
    /// more sessions than their lecturers may give, courses no candidate host can seat or receive, courses
    /// with no allowed dates.
    /// </summary>
    public InfeasibilityReport Diagnose(CycleProblem problem) =>
        new(true, [.. Infeasibility.StaticCauses(new CycleModel(problem, PlannerWeights.Default))]);

    /// <summary>
    /// What-if: plans a variant (the problem after <paramref name="change"/>, and/or other weights) and compares
    /// it with <paramref name="basePlan"/>, each scored under its own problem and weights.
    /// </summary>
    public PlanComparison WhatIf(
        CycleProblem problem,
        CyclePlan basePlan,
        PlannerSettings settings,
        PlanChange? change = null,
        PlannerWeights? variantWeights = null,
        CancellationToken cancellationToken = default)
    {
        var variantProblem = change?.ApplyTo(problem) ?? problem;
        var variantSettings = settings with { Weights = variantWeights ?? settings.Weights };
        var variant = Plan(variantProblem, variantSettings, cancellationToken);
        return Compare(Evaluate(problem, basePlan, settings.Weights), basePlan, variant.Breakdown, variant.Plan);
    }

    /// <summary>Side-by-side comparison of two plans (for example two what-if variants) under one problem and weights.</summary>
    public PlanComparison Compare(CycleProblem problem, CyclePlan a, CyclePlan b, PlannerWeights weights) =>
        Compare(Evaluate(problem, a, weights), a, Evaluate(problem, b, weights), b);

    /// <summary>Comparison of plans scored separately, e.g. each under its own variant problem or weights.</summary>
    public static PlanComparison Compare(ScoreBreakdown scoreA, CyclePlan a, ScoreBreakdown scoreB, CyclePlan b) =>
        new(scoreA.Score, scoreB.Score,
            [.. CycleConstraints.All.Select(k => new ConstraintDiff(k, scoreA.Cost(k), scoreB.Cost(k)))],
            Diff(a, b));

    /// <summary>Every host, start date and lecturer that differs from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static ImmutableArray<PlanMove> Diff(CyclePlan from, CyclePlan to)
    {
        var moves = ImmutableArray.CreateBuilder<PlanMove>();
        var fromCourses = from.Courses.ToDictionary(c => c.CourseId);
        foreach (var course in to.Courses)
        {
            if (!fromCourses.TryGetValue(course.CourseId, out var old))
                continue;
            if (old.HostProvince != course.HostProvince)
                moves.Add(new PlanMove(PlanMoveKind.Host, course.CourseId, old.HostProvince, course.HostProvince));
            if (old.Start != course.Start)
                moves.Add(new PlanMove(PlanMoveKind.Start, course.CourseId, old.Start.ToString("yyyy-MM-dd"), course.Start.ToString("yyyy-MM-dd")));
        }

        var fromSessions = from.Sessions.ToDictionary(s => s.SessionId);
        foreach (var session in to.Sessions)
            if (fromSessions.TryGetValue(session.SessionId, out var old) && old.LecturerId != session.LecturerId)
                moves.Add(new PlanMove(PlanMoveKind.Lecturer, session.SessionId, old.LecturerId, session.LecturerId));
        return moves.ToImmutable();
    }

    private static Alternative Try(CycleState state, string option, Func<Score> apply, Func<Score> undo)
    {
        var before = state.CostsSnapshot();
        var baseScore = state.Score;
        apply();
        var after = state.CostsSnapshot();
        var score = state.Score;
        undo();
        var changes = CycleConstraints.All
            .Where(k => after[(int)k] != before[(int)k])
            .Select(k => new ConstraintDelta(k, after[(int)k] - before[(int)k]))
            .ToImmutableArray();
        return new Alternative(option, score, score - baseScore, changes);
    }

    private static AssignmentExplanation Explain(string subject, string? current, CycleState state, IEnumerable<Alternative> options, int count)
    {
        var best = options.OrderBy(a => a.Score).Take(count).ToImmutableArray();
        var summary = best.Length == 0
            ? $"{current ?? "nothing"} is the only possible choice for {subject}."
            : best[0].Difference == Score.Zero
                ? $"{current ?? "nothing"} is chosen for {subject}; {best[0].Option} would be just as good ({Describe(best[0])})."
            : best[0].Difference > Score.Zero
                ? $"{current ?? "nothing"} is chosen for {subject}: the best alternative, {best[0].Option}, is worse by {best[0].Difference} ({Describe(best[0])})."
                : $"{best[0].Option} would improve {subject} by {Score.Zero - best[0].Difference} ({Describe(best[0])}); it was kept to respect other choices or because the search stopped.";
        return new AssignmentExplanation(subject, current, state.Score, best, summary);

        static string Describe(Alternative a) =>
            a.Changes.IsEmpty ? "no constraint changes" : string.Join(", ", a.Changes.Select(c => $"{c.Constraint} {c.Difference:+#;-#;0}"));
    }

    private static (CycleModel Model, CycleState State) Load(CycleProblem problem, CyclePlan plan, PlannerWeights weights)
    {
        var model = new CycleModel(problem, weights);
        var state = new CycleState(model);
        var (host, start, lecturer) = FromPlan(model, plan);
        state.Load(host, start, lecturer);
        return (model, state);
    }

    private static InfeasibilityReport Diagnose(CycleModel model, ScoreBreakdown breakdown)
    {
        var proven = Infeasibility.StaticCauses(model).ToImmutableArray();
        return proven.IsEmpty
            ? new InfeasibilityReport(false, [.. breakdown.HardMatches.Select(m => new InfeasibilityCause(m.Constraint, m.Description, m.Entities))])
            : new InfeasibilityReport(true, proven);
    }

    internal static CyclePlan ToPlan(CycleModel model, CycleState state)
    {
        var problem = model.Problem;
        var courses = model.Courses.Select((info, c) => new CoursePlacement(
            info.Id,
            Code(model.Venue(c, state.Host(c))),
            model.DateOf(state.Start(c)),
            model.DateOf(state.Start(c) + info.Span - 1)));
        var sessions = model.Sessions.Select((info, s) => new SessionAssignment(
            info.Id,
            model.Courses[info.Course].Id,
            problem.Topics[info.Topic].Id,
            model.DateOf(state.Start(info.Course) + info.DayOffset),
            (HalfDay)info.Slot,
            Code(model.SessionProvince(s, state.Host(info.Course))),
            state.LecturerOf(s) is var l and >= 0 ? problem.Lecturers[l].Id : null));
        return new CyclePlan([.. courses], [.. sessions], state.Score);

        string Code(int province) => province >= 0 ? problem.Provinces[province].Code : "";
    }

    /// <summary>Maps a plan (by ids) onto a possibly changed problem; unknown lecturers become unstaffed sessions.</summary>
    internal static (int[] Host, int[] Start, int[] Lecturer) FromPlan(CycleModel model, CyclePlan plan)
    {
        var placements = plan.Courses.ToDictionary(c => c.CourseId);
        var assignments = plan.Sessions.ToDictionary(s => s.SessionId);
        // Only courses or sessions the plan does not know (added since) need a constructed value.
        var fallbackValue = new Lazy<(int[] Host, int[] Start, int[] Lecturer)>(() => PlanConstruction.Build(model, new SplitMix64(0)));
        var host = new int[model.Courses.Length];
        var start = new int[model.Courses.Length];
        for (var c = 0; c < model.Courses.Length; c++)
        {
            if (placements.TryGetValue(model.Courses[c].Id, out var placement))
            {
                host[c] = model.Courses[c].IsFieldTrip ? -1 : model.ProvinceIndex.GetValueOrDefault(placement.HostProvince, -1);
                start[c] = model.DayOf(placement.Start);
            }
            else
            {
                (host[c], start[c]) = (fallbackValue.Value.Host[c], fallbackValue.Value.Start[c]);
            }
        }

        var lecturer = model.Sessions
            .Select((info, s) => assignments.TryGetValue(info.Id, out var a)
                ? a.LecturerId is { } id ? model.LecturerIndex.GetValueOrDefault(id, -1) : -1
                : fallbackValue.Value.Lecturer[s])
            .ToArray();
        return (host, start, lecturer);
    }
}
