using System.Collections.Immutable;

namespace OrleansTraining.Planner.Cycle;

/// <summary>Something that happened after publication and forces a re-plan; applied to the problem, not the plan.</summary>
public abstract record PlanChange
{
    public abstract CycleProblem ApplyTo(CycleProblem problem);

    protected static CycleProblem ReplaceLecturer(CycleProblem problem, string lecturerId, Func<Lecturer, Lecturer> change) =>
        problem with { Lecturers = [.. problem.Lecturers.Select(l => l.Id == lecturerId ? change(l) : l)] };
}

/// <summary>A lecturer declined a session: they will not be asked for it again, and any acceptance pin goes.</summary>
public sealed record LecturerDeclined(string SessionId, string LecturerId) : PlanChange
{
    public override CycleProblem ApplyTo(CycleProblem problem) => problem with
    {
        Declines = problem.Declines.Add(new Decline(SessionId, LecturerId)),
        Pins = problem.Pins.AcceptedLecturers.GetValueOrDefault(SessionId) == LecturerId
            ? problem.Pins with { AcceptedLecturers = problem.Pins.AcceptedLecturers.Remove(SessionId) }
            : problem.Pins,
    };
}

/// <summary>A lecturer declared dates they cannot teach.</summary>
public sealed record LecturerUnavailable(string LecturerId, ImmutableArray<DateOnly> Dates) : PlanChange
{
    public override CycleProblem ApplyTo(CycleProblem problem) =>
        ReplaceLecturer(problem, LecturerId, l => l with { UnavailableDates = [.. l.UnavailableDates.Union(Dates)] });
}

/// <summary>A lecturer leaves the pool (also a what-if variant).</summary>
public sealed record LecturerRemoved(string LecturerId) : PlanChange
{
    public override CycleProblem ApplyTo(CycleProblem problem) => problem with
    {
        Lecturers = [.. problem.Lecturers.Where(l => l.Id != LecturerId)],
        Pins = problem.Pins with { AcceptedLecturers = problem.Pins.AcceptedLecturers.RemoveRange(problem.Pins.AcceptedLecturers.Where(p => p.Value == LecturerId).Select(p => p.Key)) },
    };
}

/// <summary>A province refused to host a course: it stops being a candidate for that course.</summary>
public sealed record HostRefused(string CourseId, string Province) : PlanChange
{
    public override CycleProblem ApplyTo(CycleProblem problem) => problem with
    {
        Courses = [.. problem.Courses.Select(c => c.Id == CourseId ? c with { CandidateHosts = c.CandidateHosts.Remove(Province) } : c)],
        Pins = problem.Pins.ConfirmedHosts.GetValueOrDefault(CourseId) == Province
            ? problem.Pins with { ConfirmedHosts = problem.Pins.ConfirmedHosts.Remove(CourseId) }
            : problem.Pins,
    };
}

/// <summary>A province cannot host on some dates (also a what-if variant).</summary>
public sealed record ProvinceUnavailable(string Province, ImmutableArray<DateOnly> Dates) : PlanChange
{
    public override CycleProblem ApplyTo(CycleProblem problem) => problem with
    {
        Provinces = [.. problem.Provinces.Select(p => p.Code == Province ? p with { UnavailableDates = [.. p.UnavailableDates.Union(Dates)] } : p)],
    };
}

/// <summary>Several changes repaired at once (e.g. everything that arrived since the last publication).</summary>
public sealed record CombinedChange(ImmutableArray<PlanChange> Changes) : PlanChange
{
    public override CycleProblem ApplyTo(CycleProblem problem) => Changes.Aggregate(problem, (p, change) => change.ApplyTo(p));
}
