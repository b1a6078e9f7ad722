using System.Diagnostics;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Limits;

/// <summary>The built gateway started as in production without a usable key: it says why in one line and exits 1, before any silo starts.</summary>
public sealed class SigningKeyRunCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("signing-key-run-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string GatewayDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<configuration>/net10.0/
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "OrleansTraining.sln")))
            {
                root = root.Parent;
            }

            return Path.Combine(root!.FullName, "src", "Gateway", "bin", configuration, "net10.0", "OrleansTraining.Gateway.dll");
        }
    }

    [Theory]
    [InlineData(false, "Auth:SigningKey is not configured")]
    [InlineData(true, "development key")]
    public async Task In_production_a_missing_or_development_key_stops_the_start_with_one_line(bool developmentKey, string reason)
    {
        // What `dotnet run` in Development would have left in the working directory.
        Directory.CreateDirectory(Path.Combine(_directory, "data"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "data", "jwt-signing-key"), "generated-in-development-0123456789abcdef0123456789");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _directory };
        info.ArgumentList.Add(GatewayDll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        info.Environment["Auth__SigningKey"] = "";
        info.Environment["Auth__SigningKeyFile"] = developmentKey ? Path.Combine(_directory, "data", "jwt-signing-key") : "";
        info.Environment["Demo__Enabled"] = "false";
        info.Environment["ConnectionStrings__Sqlite"] = TestDatabase.NewSqliteConnectionString();
        info.Environment["Orleans__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Orleans__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var gateway = Process.Start(info)!;
        var errors = gateway.StandardError.ReadToEndAsync();
        var output = gateway.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await gateway.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!gateway.HasExited)
            {
                gateway.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(1, gateway.ExitCode);
        var line = Assert.Single((await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Cannot start:", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await errors + await output);
    }
}
