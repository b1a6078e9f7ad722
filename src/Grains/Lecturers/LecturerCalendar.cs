using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Lecturers;

/// <summary>
/// The hard rules of a lecturer's calendar, shared by the lecturer grain (accepting) and the planners (offering):
/// never two sessions in one half-day, never unavailable, at most the maximum per cycle, and a full day free
/// between sessions in different provinces (travel takes the day in between).
/// </summary>
public static class LecturerCalendar
{
    public static BookingClash? Check(
        Booking candidate,
        IEnumerable<Booking> existing,
        IReadOnlyCollection<DateOnly> unavailable,
        int bookedInCycle,
        int maxSessionsPerCycle)
    {
        if (unavailable.Contains(candidate.Date))
        {
            return new BookingClash(ConflictRules.LecturerUnavailable, $"The lecturer declared {candidate.Date:yyyy-MM-dd} unavailable.");
        }

        if (bookedInCycle >= maxSessionsPerCycle)
        {
            return new BookingClash(ConflictRules.MaxSessions, $"The lecturer already teaches the maximum of {maxSessionsPerCycle} sessions in this cycle.");
        }

        foreach (var booking in existing)
        {
            if (booking.Date == candidate.Date && booking.Slot == candidate.Slot)
            {
                return new BookingClash(
                    ConflictRules.DoubleBooking,
                    $"The lecturer already teaches on {booking.Date:yyyy-MM-dd} ({booking.Slot}) in {booking.ProvinceCode}.");
            }

            var daysApart = Math.Abs(booking.Date.DayNumber - candidate.Date.DayNumber);
            if (booking.ProvinceCode != candidate.ProvinceCode && daysApart <= 1)
            {
                return new BookingClash(
                    ConflictRules.TravelDay,
                    $"The lecturer teaches in {booking.ProvinceCode} on {booking.Date:yyyy-MM-dd}; a travel day is needed before teaching in {candidate.ProvinceCode} on {candidate.Date:yyyy-MM-dd}.");
            }
        }

        return null;
    }
}
