namespace OrleansTraining.Gateway.Endpoints.Requests;

public sealed record FieldTripStopRequest(
    string ProvinceCode,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<string> BriefingTopics,
    int Sessions = 1,
    string? Place = null);
