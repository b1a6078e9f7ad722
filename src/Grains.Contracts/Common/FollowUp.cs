using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Common;

/// <summary>What a follow-up tells its receiver.</summary>
[GenerateSerializer, Alias("ot.FollowUpKind")]
public enum FollowUpKind
{
    /// <summary>Lecturer → cycle: an offer was accepted or declined, or an accepted session withdrawn from (<see cref="FollowUp.Offer"/>).</summary>
    OfferAnswered,

    /// <summary>Province → cycle: a course hosting request was confirmed or declined (<see cref="FollowUp.Hosting"/>).</summary>
    HostingAnswered,

    /// <summary>Province → field trip: a stop was confirmed or declined (<see cref="FollowUp.Stop"/>).</summary>
    StopAnswered,

    /// <summary>Any grain → cycle: a deadline passed unanswered (<see cref="FollowUp.Escalation"/>).</summary>
    RaiseEscalation,

    /// <summary>Any grain → cycle: what an escalation was about has arrived (<see cref="FollowUp.Escalation"/>, subject only).</summary>
    ResolveEscalation,

    /// <summary>Province → cycle: a confirmed host amended its logistics (<see cref="FollowUp.Hosting"/>, with the change history).</summary>
    LogisticsAmended,
}

/// <summary>
/// A decision one grain made that another grain must learn. The sender records it in its own state in the same write
/// as the decision and delivers it (one-way) until the receiver acknowledges it; the receiver handles each id once.
/// <see cref="TargetKey"/> is the receiving cycle's or field trip's key.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.FollowUp")]
public sealed record FollowUp(
    string Id,
    FollowUpKind Kind,
    string TargetKey,
    DateTimeOffset CreatedAt,
    AssignmentView? Offer = null,
    HostingRequestView? Hosting = null,
    EscalationNotice? Escalation = null,
    StopAnswer? Stop = null);

/// <summary>An escalation to raise or resolve; <see cref="SubjectKey"/> identifies what it is about (a request or assignment id).</summary>
[GenerateSerializer, Immutable, Alias("ot.EscalationNotice")]
public sealed record EscalationNotice(EscalationKind Kind, string CourseId, string SubjectKey, string Detail);

/// <summary>A province's answer to a field-trip stop request.</summary>
[GenerateSerializer, Immutable, Alias("ot.StopAnswer")]
public sealed record StopAnswer(int StopNumber, string ProvinceCode, HostingConfirmation? Confirmation, string? DeclineReason);
