namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>
/// Trainees a province nominates. The province is the caller's own; <see cref="ProvinceCode"/> may repeat it but
/// naming another province is refused.
/// </summary>
public sealed record NominationsRequest(IReadOnlyList<TraineeRequest> Trainees, string? ProvinceCode = null);
