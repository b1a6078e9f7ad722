using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Courses;

/// <summary>A course (lớp bồi dưỡng), key = course id ("2027-2028-c01"). Calls on an id never created throw NotFoundException.</summary>
[Alias("ot.ICourseGrain")]
public interface ICourseGrain : IFollowUpSource, ICourseBoardEdits
{
    Task<CourseView> CreateAsync(NewCourse course);

    Task<CourseView> ImportHistoricalAsync(HistoricalCourse course);

    /// <remarks>Never waits behind a change being written: answers from the state as last stored.</remarks>
    [AlwaysInterleave]
    Task<CourseView> GetAsync();

    /// <summary>Nominates trainees of one province; refused over the province quota (nomination-quota) or capacity (course-capacity).</summary>
    Task<CourseView> NominateAsync(NominationRequest nomination);

    /// <summary>Marks the course materials sent to trainees (default: today); clears the materials flag.</summary>
    Task<CourseView> MarkMaterialsSentAsync(DateOnly? sentOn);

    /// <summary>The board marks the course held: its host confirmed and its first day come (HostConfirmed → Held).</summary>
    Task<CourseView> MarkHeldAsync();

    /// <summary>
    /// Who was present on one course day (replaces that day). <paramref name="actingProvince"/> is the calling province
    /// (only the host's may), null for the board. Unknown trainees or days are refused naming the field.
    /// </summary>
    Task<CourseView> RecordAttendanceAsync(DailyAttendance attendance, string? actingProvince);

    /// <summary>A paper evaluation form the board types in (the course must be held, not closed).</summary>
    Task<CourseView> RecordEvaluationAsync(PaperEvaluation evaluation);

    /// <summary>Issues a personal single-use evaluation link per nominated trainee who has not evaluated yet (earlier links of theirs stop working).</summary>
    Task<ImmutableArray<EvaluationLink>> IssueEvaluationLinksAsync();

    /// <summary>The sessions a link's holder rates; <paramref name="secret"/> is the token's part after the course id.</summary>
    [ReadOnly]
    Task<EvaluationFormView> GetEvaluationFormAsync(string secret);

    /// <summary>Submits every session's ratings through a link, once.</summary>
    Task SubmitEvaluationAsync(string secret, EvaluationForm form);

    /// <summary>Per-session averages and counts, of one lecturer's sessions when <paramref name="lecturerId"/> is given.</summary>
    [ReadOnly]
    Task<ImmutableArray<SessionEvaluationSummary>> GetEvaluationSummaryAsync(string? lecturerId);

    /// <summary>The board closes a held course (Held → Closed): attendance and evaluations freeze.</summary>
    Task<CourseView> CloseAsync();

    /// <summary>A nominating province corrects one of its own nominees, until the nomination deadline.</summary>
    Task<CourseView> UpdateNomineeAsync(string traineeId, string provinceCode, Trainee trainee);

    /// <summary>A nominating province withdraws one of its own nominees, until the nomination deadline.</summary>
    Task<CourseView> WithdrawNomineeAsync(string traineeId, string provinceCode);

    /// <summary>Creates a field trip of this course's class; each stop's province receives a hosting request.</summary>
    Task<FieldTripView> AddFieldTripAsync(NewFieldTrip trip);

    // Board/cycle side (called by the cycle grain, not by the gateway).
    Task<CourseView> ApplyScheduleAsync(CourseSchedule schedule);

    Task<CourseView> MarkPublishedAsync(string hostingRequestId);

    /// <summary>Moves the course to another host after a decline; a null host means no province could take it (the board decides).</summary>
    Task<CourseView> SetHostAsync(string? hostProvince, string? hostingRequestId, ImmutableArray<string> declinedBy);

    Task<CourseView> RecordHostConfirmedAsync(string hostingRequestId, HostingConfirmation confirmation);

    Task<CourseView> SetSessionStaffingAsync(string sessionId, string? lecturerId, StaffingStatus staffing, string? assignmentId, string? unstaffedReason);

    Task<CourseView> MarkReportedAsync();

    /// <summary>Cycle side: the confirmed host amended its logistics; a repeat with the same values is a no-op.</summary>
    Task<CourseView> AmendHostLogisticsAsync(string hostingRequestId, HostingConfirmation logistics);

    /// <summary>
    /// The course's dates once planned (null before). Interleaves: the course's field trips ask while the course waits
    /// on them (adding a trip), and reading two dates cannot see a half-made decision.
    /// </summary>
    [AlwaysInterleave]
    Task<DatePeriod?> GetPeriodAsync();

    /// <summary>
    /// Issues (or rotates) a personal reusable link per nominee: every nominee for the board (null), only its own for a
    /// nominating province; a province with no nominee in the course is refused (403).
    /// </summary>
    Task<ImmutableArray<TraineeLink>> IssueTraineeLinksAsync(string? actingProvince);

    /// <summary>The course as a trainee's link shows it; an unknown secret or a withdrawn nominee's is not found.</summary>
    [ReadOnly]
    Task<TraineeCourseView> GetTraineeCourseAsync(string secret);
}
