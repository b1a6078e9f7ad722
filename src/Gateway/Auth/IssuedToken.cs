namespace OrleansTraining.Gateway.Auth;

public sealed record IssuedToken(string AccessToken, int ExpiresInSeconds);
