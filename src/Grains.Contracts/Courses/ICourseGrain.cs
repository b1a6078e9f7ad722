using System.Collections.Immutable;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Courses;

/// <summary>A course (lớp bồi dưỡng), key = course id ("2027-2028-c01"). Calls on an id never created throw NotFoundException.</summary>
[Alias("ot.ICourseGrain")]
public interface ICourseGrain : IFollowUpSource
{
    Task<CourseView> CreateAsync(NewCourse course);

    Task<CourseView> ImportHistoricalAsync(HistoricalCourse course);

    [ReadOnly]
    Task<CourseView> GetAsync();

    /// <summary>Nominates trainees of one province; refused over the province quota (nomination-quota) or capacity (course-capacity).</summary>
    Task<CourseView> NominateAsync(NominationRequest nomination);

    /// <summary>Marks the course materials sent to trainees (default: today); clears the materials flag.</summary>
    Task<CourseView> MarkMaterialsSentAsync(DateOnly? sentOn);

    /// <summary>Records who attended; the course becomes Held.</summary>
    Task<CourseView> RecordAttendanceAsync(AttendanceRecord attendance);

    Task<CourseView> RecordEvaluationAsync(EvaluationRequest evaluation);

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
}
