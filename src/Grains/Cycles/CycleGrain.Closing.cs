using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Curricula;

namespace OrleansTraining.Grains.Cycles;

/// <summary>The end of a cycle: the board's conclusions, closing once every course is done, and the roll-over.</summary>
public sealed partial class CycleGrain
{
    public async Task<CycleView> CloseAsync()
    {
        EnsureExists();
        EnsureStatus("close", CycleStatus.Published, CycleStatus.Running);
        var open = (await CoursesAsync())
            .Where(c => c.Status is not (CourseStatus.Closed or CourseStatus.Reported or CourseStatus.Cancelled))
            .ToList();
        if (open.Count > 0)
        {
            throw new ConflictException(
                ConflictRules.CycleHasOpenCourses,
                $"Every course must be closed or cancelled first; still open: {string.Join(", ", open.Select(c => $"{c.Id} ({c.Status})"))}.");
        }

        await state.UpdateAsync(s => s.Status is CycleStatus.Published or CycleStatus.Running
            ? s with { Status = CycleStatus.Closed }
            : throw new ConflictException(ConflictRules.InvalidTransition, $"Only a published or running cycle can close; it is {s.Status}."));
        await DeliverOrThrowAsync();
        await DecideAsync(s => s, s => s.CourseIds.Select(courseId => new NewDelivery(CycleDeliveryKind.CourseReported, courseId)));
        return View();
    }

    public async Task<CycleView> RollOverAsync(string? curriculumVersion)
    {
        EnsureExists();
        var nextId = CycleId.Next(Id);
        var version = string.IsNullOrWhiteSpace(curriculumVersion) ? state.State.CurriculumVersion : curriculumVersion.Trim();
        try
        {
            await GrainFactory.GetGrain<ICurriculumGrain>(version).GetAsync();
        }
        catch (NotFoundException)
        {
            throw new UnprocessableException("curriculumVersion", $"Curriculum '{version}' does not exist.");
        }

        var updated = await state.UpdateAsync(s =>
        {
            if (s.Status != CycleStatus.Closed)
            {
                throw new ConflictException(ConflictRules.InvalidTransition, $"Only a closed cycle rolls over; it is {s.Status}.");
            }

            return s.NextCycleId is not null
                ? throw new ConflictException(ConflictRules.AlreadyExists, $"Cycle '{Id}' already rolled over to '{s.NextCycleId}'.")
                : s with { NextCycleId = nextId };
        });

        // A new curriculum has other topics, so carried courses take all of its topics; the same one keeps each course's own.
        var drafts = updated.Drafts
            .Select(d => version == updated.CurriculumVersion ? d : d with { Topics = [] })
            .ToImmutableArray();
        var next = GrainFactory.GetGrain<ICycleGrain>(nextId);
        var created = await next.CreateAsync(new NewCycle(updated.Start.AddYears(2), updated.End.AddYears(2), version, drafts));
        // Hosting history lives with the provinces and the lecturer pool with the lecturers, so both carry by themselves;
        // what the board still wants done is handed over explicitly.
        var open = updated.Recommendations
            .Where(r => r.Status == RecommendationStatus.Open)
            .Select(r => r with { FromCycleId = r.FromCycleId ?? Id })
            .ToImmutableArray();
        return open.IsEmpty ? created : await next.SetConclusionsAsync(new BoardConclusions(null, open));
    }

    public async Task<CycleView> SetConclusionsAsync(BoardConclusions conclusions)
    {
        EnsureExists();
        Require.Present(conclusions, "conclusions");
        var text = string.IsNullOrWhiteSpace(conclusions.Conclusions) ? null : Require.Text(conclusions.Conclusions, "conclusions", 20_000);
        var list = conclusions.Recommendations.IsDefault ? [] : conclusions.Recommendations;
        var recommendations = ImmutableArray.CreateBuilder<Recommendation>(list.Length);
        for (var i = 0; i < list.Length; i++)
        {
            Require.Present(list[i], $"recommendations[{i}]");
            Require.Defined(list[i].Status, $"recommendations[{i}].status");
            recommendations.Add(list[i] with { Text = Require.Text(list[i].Text, $"recommendations[{i}].text", 2000) });
        }

        await state.UpdateAsync(s => s with { Conclusions = text, Recommendations = recommendations.MoveToImmutable() });
        return View();
    }
}
