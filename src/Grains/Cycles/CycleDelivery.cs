using System.Collections.Immutable;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Cycles;

/// <summary>What the cycle tells another grain once it has decided.</summary>
[GenerateSerializer, Alias("ot.CycleDeliveryKind")]
public enum CycleDeliveryKind
{
    /// <summary>lecturer.ReceiveOfferAsync(<see cref="CycleDelivery.Offer"/>).</summary>
    Offer,

    /// <summary>lecturer.WithdrawOfferAsync(<see cref="CycleDelivery.AssignmentId"/>, <see cref="CycleDelivery.Reason"/>).</summary>
    Withdraw,

    /// <summary>course.SetSessionStaffingAsync(<see cref="CycleDelivery.Staffing"/>).</summary>
    Staffing,

    /// <summary>province.ReceiveHostingRequestAsync(<see cref="CycleDelivery.Hosting"/>).</summary>
    HostingRequest,

    /// <summary>course.SetHostAsync(<see cref="CycleDelivery.Host"/>).</summary>
    CourseHost,

    /// <summary>course.RecordHostConfirmedAsync(<see cref="CycleDelivery.RequestId"/>, <see cref="CycleDelivery.Confirmation"/>).</summary>
    HostConfirmed,

    /// <summary>course.MarkPublishedAsync(<see cref="CycleDelivery.RequestId"/>).</summary>
    CoursePublished,

    /// <summary>course.MarkReportedAsync().</summary>
    CourseReported,

    /// <summary>course.CancelAsync(<see cref="CycleDelivery.Reason"/>).</summary>
    CourseCancelled,

    /// <summary>province.WithdrawHostingRequestAsync(<see cref="CycleDelivery.RequestId"/>).</summary>
    HostingWithdrawn,

    /// <summary>lecturer.ReceiveHostChangeAsync(<see cref="CycleDelivery.AssignmentId"/>, host, <see cref="CycleDelivery.Reason"/>): an acceptance kept at a new host.</summary>
    AssignmentMoved,

    /// <summary>lecturer.ReceiveLogisticsAsync(<see cref="CycleDelivery.AssignmentId"/>, <see cref="CycleDelivery.Confirmation"/>): the host confirmed after the offer.</summary>
    OfferLogistics,

    /// <summary>course.AmendHostLogisticsAsync(<see cref="CycleDelivery.RequestId"/>, <see cref="CycleDelivery.Confirmation"/>).</summary>
    HostLogistics,

    /// <summary>inbox.ReceiveAsync(<see cref="CycleDelivery.Notification"/>): the recipient (the key) is told what touches them.</summary>
    Notify,
}

/// <summary>
/// One call the cycle owes another grain, recorded in the cycle's state in the same write as the decision behind it
/// and delivered (in order per receiver) until it succeeds. Every receiver is idempotent, so delivering twice is safe.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.CycleDelivery")]
public sealed record CycleDelivery(
    string Id,
    CycleDeliveryKind Kind,
    string TargetKey,
    TeachingOffer? Offer = null,
    string? AssignmentId = null,
    SessionStaffing? Staffing = null,
    HostingRequest? Hosting = null,
    CourseHost? Host = null,
    string? RequestId = null,
    HostingConfirmation? Confirmation = null,
    string? Reason = null,
    Notifications.Notification? Notification = null);

[GenerateSerializer, Immutable, Alias("ot.SessionStaffing")]
public sealed record SessionStaffing(string SessionId, string? LecturerId, StaffingStatus Status, string? AssignmentId, string? Reason);

[GenerateSerializer, Immutable, Alias("ot.CourseHost")]
public sealed record CourseHost(string? HostProvince, string? HostingRequestId, ImmutableArray<string> DeclinedBy);
