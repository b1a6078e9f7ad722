using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Cycles;

/// <summary>
/// What a lecturer's offer says beyond codes (course title and dates, host name, topic title, the host's logistics),
/// how logistics that arrive after the offer reach the lecturer, and which answers free a session for re-offering.
/// </summary>
public sealed partial class CycleGrain
{
    // A curriculum version never changes once defined, so its titles are read once per activation.
    private (string Version, ImmutableDictionary<string, string> Titles)? _topicTitles;

    private async Task LoadTopicTitlesAsync()
    {
        var version = state.State.CurriculumVersion;
        if (!state.RecordExists || string.IsNullOrEmpty(version) || _topicTitles?.Version == version)
        {
            return;
        }

        try
        {
            var topics = await CurriculumTopicsAsync(version);
            _topicTitles = (version, topics.ToImmutableDictionary(t => t.Code, t => t.TitleVi, StringComparer.Ordinal));
        }
        catch (DomainValidationException)
        {
            // The curriculum is gone: offers still carry the topic code, only without its title.
            _topicTitles = (version, ImmutableDictionary<string, string>.Empty);
        }
    }

    private string? TopicTitle(string topicCode) => _topicTitles?.Titles.GetValueOrDefault(topicCode);

    private static string? ProvinceName(string code) => ProvinceDirectory.Exists(code) ? ProvinceDirectory.Get(code).NameVi : null;

    /// <summary>
    /// The host confirmed: every lecturer holding a live offer or acceptance of the course learns its logistics. Offers
    /// made from now on carry them already (the course records them first: its delivery comes before these).
    /// </summary>
    private static IEnumerable<NewDelivery> LogisticsDeliveries(CourseView course, HostingConfirmation? logistics) =>
        course.Sessions
            .Where(s => s is { LecturerId: not null, AssignmentId: not null, Staffing: StaffingStatus.Offered or StaffingStatus.Accepted })
            .Select(s => new NewDelivery(CycleDeliveryKind.OfferLogistics, s.LecturerId!) { AssignmentId = s.AssignmentId, Confirmation = logistics });

    /// <summary>
    /// Withdraws an offered or accepted assignment. The reason is required: the lecturer keeps the assignment, marked
    /// Withdrawn with it, so nothing they accepted vanishes without a word.
    /// </summary>
    private static NewDelivery WithdrawDelivery(string lecturerId, string assignmentId, string reason) =>
        new(CycleDeliveryKind.Withdraw, lecturerId) { AssignmentId = assignmentId, Reason = reason };

    private static string HostChangedReason(CourseView course, string declinedBy, string newHost) =>
        $"The host of course {course.Id} changed: {ProvinceName(declinedBy) ?? declinedBy} declined to host it, so it moves to "
        + $"{ProvinceName(newHost) ?? newHost}; the session is offered again there.";

    private static string HostMovedNote(CourseView course, string declinedBy, string newHost) =>
        $"The host of course {course.Id} changed: {ProvinceName(declinedBy) ?? declinedBy} declined to host it, so it moves to "
        + $"{ProvinceName(newHost) ?? newHost} on the same dates; your acceptance stands.";

    /// <summary>A decline, or a lecturer's own withdrawal from an accepted session, leaves the session to re-offer.</summary>
    private static bool ReleasesSession(AssignmentView answer) =>
        answer.Status == AssignmentStatus.Declined
        || answer is { Status: AssignmentStatus.Withdrawn, WithdrawnBy: WithdrawalParty.Lecturer };
}
