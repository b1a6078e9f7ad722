namespace OrleansTraining.Grains.Planning;

/// <summary>Which days courses can run: weekdays outside national holidays and the Tết (Lunar New Year) break.</summary>
public static class TrainingCalendar
{
    /// <summary>Days either side of Tết when offices are closed or provinces will not host.</summary>
    public const int TetBreakDays = 7;

    // The lunar calendar is not computable with System.Globalization for Vietnam's time zone, so the first day of Tết is tabled.
    private static readonly DateOnly[] TetDays =
    [
        new(2024, 2, 10), new(2025, 1, 29), new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26),
        new(2029, 2, 13), new(2030, 2, 3), new(2031, 1, 23), new(2032, 2, 11), new(2033, 1, 31), new(2034, 2, 19),
    ];

    public static bool IsTeachingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date) && !IsTetBreak(date);

    public static bool IsTetBreak(DateOnly date) =>
        TetDays.Any(tet => Math.Abs(tet.DayNumber - date.DayNumber) <= TetBreakDays);

    /// <summary>New Year, Reunification Day, Labour Day and National Day (with 1 September).</summary>
    public static bool IsHoliday(DateOnly date) => (date.Month, date.Day) is (1, 1) or (4, 30) or (5, 1) or (9, 1) or (9, 2);
}
