namespace OrleansTraining.Grains.Common;

/// <summary>How long the board gives for answers, and when materials must be out (configuration section "Deadlines").</summary>
public sealed class DeadlineOptions
{
    public const string SectionName = "Deadlines";

    /// <summary>A host province answers a hosting request within this time.</summary>
    public TimeSpan HostingAnswer { get; set; } = TimeSpan.FromDays(14);

    /// <summary>A lecturer answers an offer within this time.</summary>
    public TimeSpan OfferAnswer { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Materials reach the trainees this many days before a course starts.</summary>
    public int MaterialsDaysBeforeStart { get; set; } = 14;

    /// <summary>Lecturers whose topic still has no materials are reminded this many days before the materials are due.</summary>
    public int MaterialsReminderDaysBeforeDue { get; set; } = 7;

    /// <summary>A lecturer may withdraw from an accepted session until this many days before it (then only the board re-plans).</summary>
    public int LecturerWithdrawalDaysBeforeSession { get; set; } = 21;

    /// <summary>Provinces nominate, edit and withdraw trainees until this many days before a course starts.</summary>
    public int NominationDaysBeforeStart { get; set; } = 21;

    /// <summary>A lecturer with an unanswered offer is notified this long before its answer is due (zero: not at all).</summary>
    public TimeSpan OfferReminderBeforeAnswer { get; set; } = TimeSpan.FromDays(2);

    /// <summary>A province with an unanswered hosting request is notified this long before its answer is due (zero: not at all).</summary>
    public TimeSpan HostingReminderBeforeAnswer { get; set; } = TimeSpan.FromDays(3);
}
