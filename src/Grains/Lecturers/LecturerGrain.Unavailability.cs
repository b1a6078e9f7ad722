using System.Collections.Immutable;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Lecturers;

/// <summary>
/// The dates a lecturer cannot teach. A new date never leaves a clashing open offer in place (it is declined, and the
/// cycle re-offers the session) and never silently drops an accepted one (the date is refused: withdraw first).
/// </summary>
public sealed partial class LecturerGrain
{
    public async Task<LecturerView> SetUnavailabilityAsync(ImmutableArray<DateOnly> dates)
    {
        EnsureExists();
        var clean = Distinct(dates);
        var declined = OpenOffersOn(state.State, [.. clean.Except(state.State.UnavailableDates)]);
        await DecideAsync((s, now) =>
        {
            var clash = s.Assignments.FirstOrDefault(a => a.Status == AssignmentStatus.Accepted && clean.Contains(a.Offer.Date));
            if (clash is not null)
            {
                throw new ConflictException(
                    ConflictRules.LecturerUnavailable,
                    $"{clash.Offer.Date:yyyy-MM-dd} has an accepted session ({clash.Offer.CourseId}); withdraw from it first.");
            }

            var added = clean.Except(s.UnavailableDates).ToList();
            var next = s with
            {
                UnavailableDates = clean,
                UnavailableReasons = [.. s.UnavailableReasons.Where(r => clean.Contains(r.Date))],
            };
            return DeclineOpenOffers(next, added, null, now);
        });
        await UnregisterOfferRemindersAsync(declined);
        return View();
    }

    public async Task<LecturerView> AddUnavailableDateAsync(DateOnly date, string? reason)
    {
        EnsureExists();
        var why = string.IsNullOrWhiteSpace(reason) ? null : Require.Text(reason, "reason", 500);
        var declined = OpenOffersOn(state.State, [date]);
        await DecideAsync((s, now) =>
        {
            var accepted = s.Assignments.FirstOrDefault(a => a.Status == AssignmentStatus.Accepted && a.Offer.Date == date);
            if (accepted is not null)
            {
                throw new ConflictException(
                    ConflictRules.AcceptedSessionOnDate,
                    $"On {date:yyyy-MM-dd} you teach {accepted.Offer.TopicTitle ?? accepted.Offer.TopicCode} in course {accepted.Offer.CourseId} "
                    + $"(assignment {accepted.Offer.AssignmentId}), which you accepted: withdraw from it first, with a reason, then declare the date.");
            }

            var next = s with
            {
                UnavailableDates = Distinct(s.UnavailableDates.Add(date)),
                UnavailableReasons = [.. s.UnavailableReasons.Where(r => r.Date != date), .. why is null ? [] : new[] { new UnavailableDate(date, why) }],
            };
            return DeclineOpenOffers(next, [date], why, now);
        });
        await UnregisterOfferRemindersAsync(declined);
        return View();
    }

    public async Task<LecturerView> RemoveUnavailableDateAsync(DateOnly date)
    {
        EnsureExists();
        // Offers declined when the date was added stay declined: the cycle has already offered those sessions to others.
        await state.UpdateAsync(s => s.UnavailableDates.Contains(date)
            ? s with
            {
                UnavailableDates = s.UnavailableDates.Remove(date),
                UnavailableReasons = s.UnavailableReasons.RemoveAll(r => r.Date == date),
            }
            : throw new NotFoundException("unavailable date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        return View();
    }

    /// <summary>Declines every open offer on <paramref name="dates"/>, each with its follow-up, saying which date and why.</summary>
    private LecturerState DeclineOpenOffers(LecturerState s, IReadOnlyCollection<DateOnly> dates, string? why, DateTimeOffset now) =>
        OpenOffersOn(s, dates).Aggregate(s, (acc, assignmentId) =>
        {
            var offer = Find(acc, assignmentId);
            var reason = $"Unavailable on {offer.Offer.Date:yyyy-MM-dd}" + (why is null ? "." : $": {why}");
            return WithFollowUp(acc, Declining(offer, reason, now), "answer", now);
        });

    private static List<string> OpenOffersOn(LecturerState s, IReadOnlyCollection<DateOnly> dates) =>
        [.. s.Assignments.Where(a => a.Status == AssignmentStatus.Offered && dates.Contains(a.Offer.Date)).Select(a => a.Offer.AssignmentId)];

    private async Task UnregisterOfferRemindersAsync(IEnumerable<string> assignmentIds)
    {
        foreach (var assignmentId in assignmentIds)
        {
            await this.UnregisterIfPresentAsync(OfferReminderPrefix + assignmentId);
        }
    }
}
