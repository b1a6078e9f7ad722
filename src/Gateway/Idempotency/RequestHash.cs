using System.Security.Cryptography;
using System.Text;

namespace OrleansTraining.Gateway.Idempotency;

/// <summary>
/// SHA-256 of what makes two requests the same: method, path, query and body. The body is buffered so the endpoint
/// still reads it after us (its size is already capped by the body limit).
/// </summary>
public static class RequestHash
{
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken cancellation)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method.ToUpperInvariant()}\n{request.Path}{request.QueryString}\n"));
        request.EnableBuffering();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellation)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
