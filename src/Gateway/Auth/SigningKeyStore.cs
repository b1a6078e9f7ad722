using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace OrleansTraining.Gateway.Auth;

/// <summary>
/// The key our own tokens are signed and checked with. It comes from Auth:SigningKey; only in Development, when that
/// is missing, a random key is generated once and kept under ./data so tokens survive a restart. Any other
/// environment refuses to start without a configured key, so no production secret is ever made up or hard-coded.
/// </summary>
public sealed partial class SigningKeyStore
{
    private const int MinimumKeyBytes = 32;
    private readonly Lazy<SymmetricSecurityKey> _key;

    public SigningKeyStore(IOptions<AuthSettings> settings, IHostEnvironment environment, ILogger<SigningKeyStore> logger) =>
        _key = new Lazy<SymmetricSecurityKey>(() => Load(settings.Value, environment, logger));

    public SymmetricSecurityKey Key => _key.Value;

    private static SymmetricSecurityKey Load(AuthSettings settings, IHostEnvironment environment, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(settings.SigningKey))
        {
            var bytes = Encoding.UTF8.GetBytes(settings.SigningKey);
            if (bytes.Length < MinimumKeyBytes)
            {
                throw new InvalidOperationException($"Auth:SigningKey must be at least {MinimumKeyBytes} bytes long.");
            }

            return new SymmetricSecurityKey(bytes);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("Auth:SigningKey is not configured. Set it (for example through the environment variable Auth__SigningKey).");
        }

        var path = Path.Combine(environment.ContentRootPath, "data", "jwt-signing-key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            LogGeneratedKey(logger, path);
        }

        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:SigningKey is not configured; generated a development signing key at {Path}")]
    private static partial void LogGeneratedKey(ILogger logger, string path);
}
