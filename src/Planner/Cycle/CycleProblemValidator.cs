namespace OrleansTraining.Planner.Cycle;

/// <summary>
/// Data errors (as opposed to infeasibility): duplicate ids, references to unknown provinces or topics,
/// more sessions than half-days. Planning such input would be meaningless, so it is refused with every
/// error listed at once.
/// </summary>
public static class CycleProblemValidator
{
    public static IReadOnlyList<string> Errors(CycleProblem problem)
    {
        var errors = new List<string>();
        Duplicates("province", problem.Provinces.Select(p => p.Code));
        Duplicates("topic", problem.Topics.Select(t => t.Id));
        Duplicates("lecturer", problem.Lecturers.Select(l => l.Id));
        Duplicates("course", problem.Courses.Select(c => c.Id));
        var provinces = problem.Provinces.Select(p => p.Code).ToHashSet();
        var topics = problem.Topics.Select(t => t.Id).ToHashSet();
        if (problem.Cycle.End < problem.Cycle.Start)
            errors.Add("The cycle ends before it starts.");

        foreach (var lecturer in problem.Lecturers)
        {
            if (!provinces.Contains(lecturer.HomeProvince))
                errors.Add($"Lecturer {lecturer.Id}: unknown home province {lecturer.HomeProvince}.");
            foreach (var topic in lecturer.QualifiedTopics.Where(t => !topics.Contains(t)))
                errors.Add($"Lecturer {lecturer.Id}: unknown topic {topic}.");
        }

        foreach (var course in problem.Courses)
        {
            foreach (var province in course.TraineesByProvince.Keys.Concat(course.Itinerary.Select(s => s.Province)).Where(p => !provinces.Contains(p)))
                errors.Add($"Course {course.Id}: unknown province {province}.");
            var blocks = course.IsFieldTrip
                ? course.Itinerary.Select(s => (s.Days, s.Sessions))
                : [(course.Days, course.Sessions)];
            foreach (var (days, sessions) in blocks)
            {
                if (days < 1)
                    errors.Add($"Course {course.Id}: a course or stop needs at least one day.");
                if (sessions.Sum(s => s.Sessions) > 2 * days)
                    errors.Add($"Course {course.Id}: {sessions.Sum(s => s.Sessions)} sessions do not fit in {days} days of two half-days.");
                foreach (var topic in sessions.Select(s => s.TopicId).Where(t => !topics.Contains(t)))
                    errors.Add($"Course {course.Id}: unknown topic {topic}.");
            }
        }

        return errors;

        void Duplicates(string kind, IEnumerable<string> ids)
        {
            foreach (var id in ids.GroupBy(i => i).Where(g => g.Count() > 1))
                errors.Add($"Duplicate {kind} id {id.Key}.");
        }
    }

    public static void ThrowIfInvalid(CycleProblem problem)
    {
        var errors = Errors(problem);
        if (errors.Count > 0)
            throw new ArgumentException("Invalid cycle problem: " + string.Join(" ", errors), nameof(problem));
    }
}
