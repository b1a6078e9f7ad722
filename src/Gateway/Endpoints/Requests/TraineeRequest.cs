using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>A trainee nominated by a province; <see cref="Unit"/> (the trainee's office) may be left out.</summary>
public sealed record TraineeRequest(string FullName, TraineePosition Position, AdministrativeLevel Level, string? Unit = null);
