namespace OrleansTraining.Gateway.Endpoints;

public sealed record TokenRequest(string UserName, string Password);
