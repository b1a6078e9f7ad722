namespace OrleansTraining.Gateway.Endpoints.Requests;

public sealed record TokenRequest(string UserName, string Password);
