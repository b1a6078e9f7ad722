using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace OrleansTraining.Gateway.Auth;

/// <summary>
/// The key our own tokens are signed and checked with. It comes from Auth:SigningKey or from the file Auth:SigningKeyFile
/// names (kept outside the repository); only in Development, when neither is set, a random key is generated once and
/// kept under ./data so tokens survive a restart. Any other environment refuses to start without a configured key, and
/// refuses the development key too (it lies in a working directory, readable by whoever ran the gateway there), so no
/// production secret is ever made up, hard-coded or borrowed from a developer's machine.
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
        var developmentKeyPath = Path.Combine(environment.ContentRootPath, settings.DevelopmentKeyFile);
        if (Configured(settings) is { } configured)
        {
            var bytes = Encoding.UTF8.GetBytes(configured);
            if (bytes.Length < MinimumKeyBytes)
            {
                throw new InvalidOperationException($"The signing key (Auth:SigningKey or Auth:SigningKeyFile) must be at least {MinimumKeyBytes} bytes long.");
            }

            if (!environment.IsDevelopment() && IsDevelopmentKey(configured, developmentKeyPath))
            {
                throw new InvalidOperationException(
                    $"The signing key is the development key generated at {developmentKeyPath}; outside Development set a key of your own (Auth:SigningKey or Auth:SigningKeyFile).");
            }

            return new SymmetricSecurityKey(bytes);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Auth:SigningKey is not configured. Set it (for example through the environment variable Auth__SigningKey) or name a key file with Auth:SigningKeyFile.");
        }

        if (!File.Exists(developmentKeyPath))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(developmentKeyPath)!);
            File.WriteAllText(developmentKeyPath, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            LogGeneratedKey(logger, developmentKeyPath);
        }

        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(developmentKeyPath).Trim()));
    }

    /// <summary>The key from configuration or its file; null when neither is set; both at once is a mistake worth stopping for.</summary>
    private static string? Configured(AuthSettings settings)
    {
        var hasKey = !string.IsNullOrWhiteSpace(settings.SigningKey);
        var hasFile = !string.IsNullOrWhiteSpace(settings.SigningKeyFile);
        if (hasKey && hasFile)
        {
            throw new InvalidOperationException("Set either Auth:SigningKey or Auth:SigningKeyFile, not both.");
        }

        if (hasFile)
        {
            if (!File.Exists(settings.SigningKeyFile))
            {
                throw new InvalidOperationException($"Auth:SigningKeyFile names '{settings.SigningKeyFile}', which does not exist.");
            }

            return File.ReadAllText(settings.SigningKeyFile!).Trim();
        }

        return hasKey ? settings.SigningKey : null;
    }

    private static bool IsDevelopmentKey(string key, string developmentKeyPath) =>
        File.Exists(developmentKeyPath) && string.Equals(File.ReadAllText(developmentKeyPath).Trim(), key.Trim(), StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auth:SigningKey is not configured; generated a development signing key at {Path}")]
    private static partial void LogGeneratedKey(ILogger logger, string path);
}
