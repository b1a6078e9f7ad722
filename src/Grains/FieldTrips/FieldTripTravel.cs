using System.Collections.Immutable;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Planner.Cycle;

namespace OrleansTraining.Grains.FieldTrips;

/// <summary>
/// How long a class travels between stops, from the provinces' administrative centres and the planner's travel model
/// (road km = great-circle × 1.3 at 50 km/h; up to 4 road hours is an evening's drive, anything longer costs a whole day).
/// </summary>
public static class FieldTripTravel
{
    /// <summary>Up to this many stops the suggested order is exact (8! = 40,320 orders); beyond, nearest-neighbour.</summary>
    public const int ExactUpTo = 8;

    public static int RoadKm(string from, string to) =>
        from == to ? 0 : (int)Math.Round(TravelModel.RoadFactor * ProvinceDirectory.DistanceKm(from, to));

    /// <summary>Whole days that must lie between a stop in <paramref name="from"/> ending and one in <paramref name="to"/> starting.</summary>
    public static int TravelDays(string from, string to) => TravelModel.TravelDays(RoadKm(from, to));

    /// <summary>
    /// The earliest start of a stop in <paramref name="to"/> after one in <paramref name="from"/> ended on <paramref name="end"/>:
    /// the same day after an evening's drive, otherwise after a whole travel day.
    /// </summary>
    public static DateOnly EarliestNextStart(string from, DateOnly end, string to) =>
        TravelDays(from, to) == 0 ? end : end.AddDays(1 + TravelDays(from, to));

    public static (int Days, int Km) Cost(IReadOnlyList<string> provinces)
    {
        var (days, km) = (0, 0);
        for (var i = 1; i < provinces.Count; i++)
        {
            days += TravelDays(provinces[i - 1], provinces[i]);
            km += RoadKm(provinces[i - 1], provinces[i]);
        }

        return (days, km);
    }

    /// <summary>
    /// Indexes of <paramref name="provinces"/> in the order with the fewest travel days, then road km, then closest to the
    /// given order (so an itinerary already best is left as it is). Exact up to <see cref="ExactUpTo"/> stops.
    /// </summary>
    public static (ImmutableArray<int> Order, bool Exact) BestOrder(IReadOnlyList<string> provinces)
    {
        var n = provinces.Count;
        if (n <= ExactUpTo)
        {
            var best = Enumerable.Range(0, n).ToArray();
            var bestCost = Cost(best.Select(i => provinces[i]).ToList());
            foreach (var order in Permutations(n))
            {
                var cost = Cost(order.Select(i => provinces[i]).ToList());
                if (cost.Days < bestCost.Days || (cost.Days == bestCost.Days && cost.Km < bestCost.Km))
                {
                    (best, bestCost) = (order, cost);
                }
            }

            return ([.. best], true);
        }

        // Many stops: start from each stop in turn, always go to the nearest not yet visited, keep the cheapest.
        ImmutableArray<int> greedy = [.. Enumerable.Range(0, n)];
        var greedyCost = Cost(provinces);
        for (var first = 0; first < n; first++)
        {
            var route = new List<int> { first };
            while (route.Count < n)
            {
                var last = provinces[route[^1]];
                route.Add(Enumerable.Range(0, n).Where(i => !route.Contains(i)).MinBy(i => (TravelDays(last, provinces[i]), RoadKm(last, provinces[i]))));
            }

            var cost = Cost(route.Select(i => provinces[i]).ToList());
            if (cost.Days < greedyCost.Days || (cost.Days == greedyCost.Days && cost.Km < greedyCost.Km))
            {
                (greedy, greedyCost) = ([.. route], cost);
            }
        }

        return (greedy, false);
    }

    /// <summary>Every order of 0…n-1, lexicographically (Heap's algorithm would do; n is at most eight).</summary>
    private static IEnumerable<int[]> Permutations(int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        while (true)
        {
            yield return (int[])order.Clone();
            var i = n - 2;
            while (i >= 0 && order[i] >= order[i + 1])
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            var j = n - 1;
            while (order[j] <= order[i])
            {
                j--;
            }

            (order[i], order[j]) = (order[j], order[i]);
            Array.Reverse(order, i + 1, n - i - 1);
        }
    }
}
