namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>
/// Every session's ratings at once. Through a link the trainee is the link's (naming another is refused); on a paper
/// form the board may name the trainee (<see cref="TraineeId"/>), which uses up their link.
/// </summary>
public sealed record EvaluationFormRequest(IReadOnlyList<RatingRequest>? Ratings = null, string? TraineeId = null);
