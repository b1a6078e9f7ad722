namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>Who was present on one course day (recording the day again replaces it).</summary>
public sealed record AttendanceRequest(DateOnly? Day = null, IReadOnlyList<string>? PresentTraineeIds = null);
