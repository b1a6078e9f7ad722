namespace OrleansTraining.Planner.Cycle;

/// <summary>
/// Travel estimates from administrative-centre coordinates: great-circle distance times a road factor of 1.3,
/// at 50 km/h average. The rule for a lecturer moving between provinces: a trip of at most 4 road hours is
/// done in the evening (no day lost); anything longer costs one full travel day (beyond about 10 hours one
/// flies, which with transfers also takes the day). Same-day teaching in two provinces is never allowed.
/// </summary>
public static class TravelModel
{
    public const double RoadFactor = 1.3;
    public const double AverageSpeedKmh = 50;
    public const double EveningTravelHours = 4;

    public static double GreatCircleKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double earthRadiusKm = 6371;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * earthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    public static int RoadKm(Province from, Province to) =>
        (int)Math.Round(RoadFactor * GreatCircleKm(from.Latitude, from.Longitude, to.Latitude, to.Longitude));

    /// <summary>Whole days that must lie between teaching in <paramref name="from"/> and in <paramref name="to"/>.</summary>
    public static int TravelDays(int roadKm) => roadKm / AverageSpeedKmh <= EveningTravelHours ? 0 : 1;
}
