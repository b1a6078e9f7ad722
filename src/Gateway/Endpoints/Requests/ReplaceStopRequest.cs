namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>The province the board picks for a declined field-trip stop.</summary>
public sealed record ReplaceStopRequest(string ProvinceCode);
