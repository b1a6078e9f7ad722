namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>
/// A province's hosting capacity, replacing what it declared before: <see cref="Seats"/> in each room (the largest
/// class it takes), <see cref="Rooms"/> (courses it can run on the same day), the dates it cannot host and the
/// topics it can brief a visiting class on.
/// </summary>
public sealed record ProvinceSettingsRequest(int? Seats, int? Rooms, IReadOnlyList<DateOnly>? UnavailableDates = null, IReadOnlyList<string>? BriefingTopics = null);
