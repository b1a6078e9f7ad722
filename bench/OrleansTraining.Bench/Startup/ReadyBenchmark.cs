using System.Diagnostics;
using System.Net;

namespace OrleansTraining.Bench.Startup;

/// <summary>
/// Seconds from starting the built gateway on an existing database (SQLite, demo loaded by a first start) until
/// /health/ready answers 200; three starts after the first, the best and the worst printed.
/// </summary>
public static class ReadyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dll = args.Length > 0 ? args[0] : Loopback.GatewayDll;
        var folder = Directory.CreateTempSubdirectory("orleans-training-ready-");
        var database = $"Data Source={Path.Combine(folder.FullName, "ready.db")}";
        var times = new List<double>();
        for (var run = 0; run < 4; run++)
        {
            var seconds = await StartUntilReadyAsync(dll, database, folder.FullName);
            Console.WriteLine(run == 0 ? $"first start (empty database, demo loaded): {seconds:0.00} s" : $"start on the existing database: {seconds:0.00} s");
            if (run > 0)
            {
                times.Add(seconds);
            }
        }

        Console.WriteLine($"ready-seconds: {times.Min():0.00} (worst {times.Max():0.00})");
        return 0;
    }

    private static async Task<double> StartUntilReadyAsync(string dll, string database, string workingDirectory)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__Sqlite"] = database;
        info.Environment["Auth__PasswordIterations"] = "1000";
        info.Environment["Orleans__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Orleans__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            while (clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                try
                {
                    if ((await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).StatusCode == HttpStatusCode.OK)
                    {
                        return clock.Elapsed.TotalSeconds;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                await Task.Delay(20);
            }

            throw new TimeoutException("The gateway did not become ready within 2 minutes.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
