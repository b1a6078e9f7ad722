using System.Collections.Immutable;

namespace OrleansTraining.Grains.Provinces;

[GenerateSerializer, Alias("ot.HostingRequestKind")]
public enum HostingRequestKind
{
    Course,
    FieldTripStop,
}

[GenerateSerializer, Alias("ot.HostingRequestStatus")]
public enum HostingRequestStatus
{
    Pending,
    Confirmed,
    Declined,
    Withdrawn,
}

/// <summary>What the board asks a province to host. For a field-trip stop, <see cref="FieldTripId"/> and <see cref="StopNumber"/> are set.</summary>
[GenerateSerializer, Immutable, Alias("ot.HostingRequest")]
public sealed record HostingRequest(
    string RequestId,
    HostingRequestKind Kind,
    string? CycleId,
    string CourseId,
    string? FieldTripId,
    int? StopNumber,
    string Title,
    DateOnly Start,
    DateOnly End,
    int Participants,
    DateTimeOffset AnswerBy);

/// <summary>The logistics a host commits to when confirming.</summary>
[GenerateSerializer, Immutable, Alias("ot.HostingConfirmation")]
public sealed record HostingConfirmation(string Venue, int Rooms, string Lodging, string Transport, string Contact);

[GenerateSerializer, Immutable, Alias("ot.HostingDecline")]
public sealed record HostingDecline(string Reason);

[GenerateSerializer, Immutable, Alias("ot.HostingRequestView")]
public sealed record HostingRequestView(
    HostingRequest Request,
    string ProvinceCode,
    HostingRequestStatus Status,
    HostingConfirmation? Confirmation,
    string? DeclineReason,
    bool Escalated,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AnsweredAt,
    ImmutableArray<LogisticsChange> LogisticsChanges);

/// <summary>The host changed its confirmed logistics: what they were, what they are now, when and why.</summary>
[GenerateSerializer, Immutable, Alias("ot.LogisticsChange")]
public sealed record LogisticsChange(DateTimeOffset ChangedAt, HostingConfirmation Previous, HostingConfirmation Current, string? Reason);

/// <summary>A course or stop the province hosted (or confirmed to host) — the rotation looks at it.</summary>
[GenerateSerializer, Immutable, Alias("ot.HostingRecord")]
public sealed record HostingRecord(string CycleId, string CourseId, DateOnly Start);

/// <summary>
/// What the board or the province itself maintains about the province's ability to host: the seats of its rooms
/// (<see cref="VenueCapacity"/>, the largest class one room takes), the days it cannot host, how many rooms it
/// has (courses it can run on the same day) and the topics it can brief a visiting class on (field-trip stops).
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.ProvinceSettings")]
public sealed record ProvinceSettings(int VenueCapacity, ImmutableArray<DateOnly> UnavailableDates, int Rooms = 1, ImmutableArray<string> BriefingTopics = default);

[GenerateSerializer, Immutable, Alias("ot.ProvinceView")]
public sealed record ProvinceView(
    string Code,
    string NameVi,
    string NameEn,
    string Kind,
    string Region,
    string Centre,
    double Latitude,
    double Longitude,
    ImmutableArray<string> AbsorbedVi,
    int VenueCapacity,
    ImmutableArray<DateOnly> UnavailableDates,
    ImmutableArray<HostingRecord> HostingHistory,
    int PendingHostingRequests,
    int Rooms,
    ImmutableArray<string> BriefingTopics);
