using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Cycles;

/// <summary>The two-yearly national cycle, key "yyyy-yyyy". Calls on an id never created throw NotFoundException.</summary>
[Alias("ot.ICycleGrain")]
public interface ICycleGrain : IFollowUpTarget, ICycleCourseEdits, ICyclePlanningRuns
{
    Task<CycleView> CreateAsync(NewCycle cycle);

    /// <summary>Records a past cycle (status Closed) with its courses as reported; their ids are "&lt;cycle&gt;-c01"….</summary>
    Task<CycleView> ImportHistoricalAsync(HistoricalCycle cycle);

    [ReadOnly]
    Task<CycleView> GetAsync();

    /// <summary>Adds a course (Proposed) until the cycle closes; after publish the next planning run places only the new courses.</summary>
    Task<CourseView> AddCourseAsync(CourseDraft draft);

    /// <summary>Runs the planning engine (Draft or Planned → Planned): hosts, dates and lecturers proposed; issues say what could not be staffed.</summary>
    Task<PlanResult> PlanAsync();

    /// <summary>Sets the soft-constraint weights the engine plans with (each 0…1,000,000).</summary>
    Task<PlannerWeights> SetPlannerWeightsAsync(PlannerWeights weights);

    /// <summary>The current plan's score per constraint, its hard violations, and when infeasible the proven causes.</summary>
    Task<PlanScoreBreakdown> GetPlanScoreAsync();

    /// <summary>Why this session has its lecturer: the best alternatives with their score differences.</summary>
    Task<PlanExplanation> ExplainSessionAsync(string courseId, string sessionId);

    /// <summary>Why this course has its host and start: the best alternative hosts and starts with their score differences.</summary>
    Task<PlanExplanation> ExplainCourseAsync(string courseId);

    /// <summary>Plans a what-if variant of the current plan and saves it under <paramref name="name"/> (a slug; saving again replaces it).</summary>
    Task<VariantSummary> SaveVariantAsync(string name, VariantSpec spec);

    Task<ImmutableArray<VariantSummary>> GetVariantsAsync();

    /// <summary>The variant side by side with the current plan: per-constraint costs and every moved host, start or lecturer.</summary>
    Task<VariantComparison> CompareVariantAsync(string name);

    /// <summary>Planned → Published: hosting requests go to provinces and offers to lecturers, each with a deadline.</summary>
    Task<CycleView> PublishAsync();

    /// <summary>Interleaves with the cycle's decisions: answers from the state as of the last finished call.</summary>
    [AlwaysInterleave]
    Task<CyclePlan> GetPlanAsync();

    /// <summary>Interleaves with the cycle's decisions: answers from the state as of the last finished call.</summary>
    [AlwaysInterleave]
    Task<CycleReport> GetReportAsync();

    Task<ImmutableArray<Escalation>> GetEscalationsAsync(bool includeResolved);

    /// <summary>Published → Running.</summary>
    Task<CycleView> StartAsync();

    /// <summary>Published or Running → Closed once every course is closed or cancelled (otherwise refused, listing the open ones); closed courses become Reported.</summary>
    Task<CycleView> CloseAsync();

    /// <summary>
    /// Closed → creates the next cycle two years later with <paramref name="curriculumVersion"/> (null: the same one);
    /// hosts are carried for rotation and the board's open recommendations into the new cycle.
    /// </summary>
    Task<CycleView> RollOverAsync(string? curriculumVersion);

    /// <summary>The board's written conclusions and recommendations (replaces earlier ones); they go into the report.</summary>
    Task<CycleView> SetConclusionsAsync(BoardConclusions conclusions);

    /// <summary>
    /// The cycle's first and last day. Interleaves: a field trip asks while its course waits on it, and the course may be
    /// what the cycle itself is waiting on; the dates never change after creation.
    /// </summary>
    /// <exception cref="Common.NotFoundException">the cycle was never created.</exception>
    [AlwaysInterleave]
    Task<DatePeriod> GetPeriodAsync();
}
