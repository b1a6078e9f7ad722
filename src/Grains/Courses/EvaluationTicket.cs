namespace OrleansTraining.Grains.Courses;

/// <summary>
/// An issued evaluation link: the SHA-256 of its secret (the secret itself is never stored), whose it is, and when it
/// was used. A trainee has at most one live ticket; issuing again replaces an unused one.
/// </summary>
[GenerateSerializer, Immutable, Alias("ot.EvaluationTicket")]
public sealed record EvaluationTicket(string SecretHash, string TraineeId, DateTimeOffset IssuedAt, DateTimeOffset? UsedAt);
