using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests;

/// <summary>The built gateway as a newcomer starts it: the address it serves, and a taken port said in one line.</summary>
public sealed class RunCommandTests
{
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

    [Fact]
    public async Task It_serves_the_address_given_in_ASPNETCORE_URLS_and_prints_it()
    {
        var port = FreePort.Next();
        using var gateway = Start(port, urlsArgument: null);
        try
        {
            var printed = await ReadUntilAsync(gateway, "OrleansTraining serves");
            Assert.Contains($"127.0.0.1:{port}", printed);
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://127.0.0.1:{port}/health/live")).StatusCode);
        }
        finally
        {
            gateway.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task A_port_already_taken_is_said_in_one_line_without_a_stack_trace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var gateway = Start(port, urlsArgument: $"http://127.0.0.1:{port}");
        var errors = await gateway.StandardError.ReadToEndAsync();
        var output = await gateway.StandardOutput.ReadToEndAsync();
        await gateway.WaitForExitAsync();

        Assert.Equal(1, gateway.ExitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"127.0.0.1:{port}", line);
        Assert.Contains("already in use", line);
        Assert.DoesNotContain("   at ", errors + output);
    }

    private static Process Start(int port, string? urlsArgument)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(GatewayDll);
        if (urlsArgument is not null)
        {
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add(urlsArgument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Auth__SigningKey"] = Infrastructure.GatewayFactory.TestSigningKey;
        info.Environment["Demo__Enabled"] = "false";
        info.Environment["ConnectionStrings__Sqlite"] = TestDatabase.NewSqliteConnectionString();
        info.Environment["Orleans__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Orleans__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(info)!;
    }

    private static async Task<string> ReadUntilAsync(Process process, string marker)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new Xunit.Sdk.XunitException($"The gateway exited without printing '{marker}'.");
    }
}
