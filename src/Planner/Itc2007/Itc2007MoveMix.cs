namespace OrleansTraining.Planner.Itc2007;

/// <summary>
/// Probabilities (of all moves) of the timetable's move kinds; what is left is the simple move (a lecture to another
/// period and/or room, swapping with the occupant).
/// </summary>
/// <param name="RoomOnly">A lecture to another room in its period, often one its course already uses.</param>
/// <param name="Kempe">Kempe chain: a lecture's period swapped with another for every conflicting lecture it drags along.</param>
/// <param name="CourseRoom">Room-stability repair: all lectures of a course into one of its rooms (swapping within their periods).</param>
/// <param name="Compact">
/// Compactness Kempe chain: a lecture isolated in one of its curricula to a period next to another lecture of that
/// curriculum on the same day, dragging its conflicts along (never a new clash).
/// </param>
/// <param name="Spread">
/// Working-days Kempe chain: a lecture of a course short of its minimum working days, from a day the course teaches twice
/// to a day it does not teach.
/// </param>
public sealed record Itc2007MoveMix(double RoomOnly, double Kempe, double CourseRoom, double Compact = 0, double Spread = 0)
{
    /// <summary>
    /// Half Kempe chains: over seeds 1–5 at 10 s on comp02/05/07/12 the sum of mean costs went 831 (none) → 814 (10 %)
    /// → 763 (20 %) → 769 (35 %) → 751 (50 %); room-stability repair at 5 % made it much worse (1061), so it is off.
    /// Working-days chains at 20 % (of the simple moves' share): at 8 M iterations over seeds 1–10 the mean cost fell on
    /// all seven instances screened, comp03/09/13/14 summed 315.6 → 308.2 and comp02/05/12 720.0 → 703.6 (10 %: 308.2 and
    /// 715.2). Compactness chains did not help (0.1: 315.6 → 322.9; with working days at 0.1, 308.0), so they are off
    /// (RESULTS-planner.md, round 4).
    /// </summary>
    public static readonly Itc2007MoveMix Default = new(0.3, 0.5, 0.0, Compact: 0.0, Spread: 0.2);

    /// <summary>The moves before Kempe chains and room-stability repair were added (30 % room moves, the rest simple).</summary>
    public static readonly Itc2007MoveMix Simple = new(0.3, 0.0, 0.0);
}
