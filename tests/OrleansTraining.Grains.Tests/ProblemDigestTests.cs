using System.Collections.Immutable;
using OrleansTraining.Grains.Planning;
using Engine = OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// The problem digest a planning run stores is compared on whichever node starts the run again, whose string hashes
/// (and so the order its dictionaries and sets enumerate in) differ: equal problems give equal digests whatever that order.
/// </summary>
public sealed class ProblemDigestTests
{
    private static readonly string[] Provinces = ["an-giang", "bac-ninh", "can-tho", "da-nang", "ha-noi"];

    [Fact]
    public void Equal_problems_whose_dictionaries_and_sets_enumerate_in_other_orders_have_one_digest()
    {
        var ascending = Problem(new FirstLetterHash(1), new DeclineHash(1));
        var descending = Problem(new FirstLetterHash(-1), new DeclineHash(-1));

        // What another process would see: the same entries, enumerated in another order.
        Assert.NotEqual(ascending.Courses[0].TraineesByProvince.Keys, descending.Courses[0].TraineesByProvince.Keys);
        Assert.NotEqual(ascending.Pins.ConfirmedHosts.Keys, descending.Pins.ConfirmedHosts.Keys);
        Assert.NotEqual(ascending.Declines.ToList(), descending.Declines.ToList());
        Assert.Equal(ProblemDigest.Of(ascending), ProblemDigest.Of(descending));
    }

    [Fact]
    public void A_change_inside_a_dictionary_or_a_set_changes_the_digest()
    {
        var problem = Problem(new FirstLetterHash(1), new DeclineHash(1));
        var course = problem.Courses[0];
        var oneMoreTrainee = problem with { Courses = [course with { TraineesByProvince = course.TraineesByProvince.SetItem("can-tho", 4) }] };
        var oneMoreDecline = problem with { Declines = problem.Declines.Add(new Engine.Decline("c0/1", "l9")) };
        var otherStart = problem with { Pins = problem.Pins with { ConfirmedStarts = problem.Pins.ConfirmedStarts.SetItem("c1", new DateOnly(2027, 3, 8)) } };

        var digests = new[] { problem, oneMoreTrainee, oneMoreDecline, otherStart }.Select(ProblemDigest.Of).ToList();

        Assert.Equal(digests.Count, digests.Distinct().Count());
    }

    private static Engine.CycleProblem Problem(IEqualityComparer<string> keys, IEqualityComparer<Engine.Decline> declines)
    {
        var trainees = ImmutableDictionary.Create<string, int>(keys).AddRange(Provinces.Select((p, i) => KeyValuePair.Create(p, i + 1)));
        var courses = Enumerable.Range(0, 5).Select(i => $"{(char)('a' + i)}-course").ToList();
        var course = new Engine.Course("c0", "north", "heads", 5, [new Engine.TopicSessions("t1", 2)], [.. Provinces], trainees);
        var pins = new Engine.Pins(
            ImmutableDictionary.Create<string, string>(keys).AddRange(courses.Select((c, i) => KeyValuePair.Create(c, Provinces[i]))),
            ImmutableDictionary.Create<string, DateOnly>(keys).AddRange(courses.Select((c, i) => KeyValuePair.Create(c, new DateOnly(2027, 2, 1).AddDays(7 * i)))),
            ImmutableDictionary.Create<string, string>(keys).AddRange(courses.Select((c, i) => KeyValuePair.Create($"{c}/1", $"l{i}"))));
        var declined = ImmutableHashSet.Create(declines, [.. Enumerable.Range(0, 5).Select(i => new Engine.Decline($"c0/{i}", $"{(char)('a' + i)}-lecturer"))]);
        return new Engine.CycleProblem(new Engine.PlanningCycle(new DateOnly(2027, 1, 4), new DateOnly(2028, 12, 29), []), [], [], [], [course])
        {
            Pins = pins,
            Declines = declined,
        };
    }

    /// <summary>Orders entries by their first letter, one way or the other, as two processes' hashes might.</summary>
    private sealed class FirstLetterHash(int direction) : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string value) => direction * value[0];
    }

    private sealed class DeclineHash(int direction) : IEqualityComparer<Engine.Decline>
    {
        public bool Equals(Engine.Decline? x, Engine.Decline? y) => EqualityComparer<Engine.Decline>.Default.Equals(x, y);

        public int GetHashCode(Engine.Decline value) => direction * value.LecturerId[0];
    }
}
