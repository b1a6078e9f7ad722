using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Gateway.Endpoints.Requests;

/// <summary>Several offers answered together, all or nothing.</summary>
public sealed record AnswersRequest(IReadOnlyList<AnswerRequest> Answers);

/// <summary>One answer: accept, or decline with a reason.</summary>
public sealed record AnswerRequest(string AssignmentId, OfferDecision Decision, string? Reason = null);
