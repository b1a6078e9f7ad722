namespace OrleansTraining.Gateway.Endpoints.Requests;

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Role, string? ProvinceCode, string? LecturerId);
