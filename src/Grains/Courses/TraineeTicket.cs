namespace OrleansTraining.Grains.Courses;

/// <summary>
/// A trainee's personal link as the course keeps it: the SHA-256 of its secret (never the secret), whose it is and
/// when it was issued. A trainee has at most one; issuing again replaces it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.TraineeTicket")]
public sealed record TraineeTicket(string SecretHash, string TraineeId, DateTimeOffset IssuedAt);
