using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OrleansTraining.Gateway.Hosting;

/// <summary>Where the gateway listens: ASPNETCORE_URLS or --urls when given, else http://localhost:5080; printed once it serves.</summary>
public static class ServerAddresses
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The first configured address whose port another program already listens on, or null.</summary>
    private static string? TakenAddress(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var normalized = url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || uri.Port <= 0)
            {
                continue;
            }

            var address = uri.IsLoopback && !IPAddress.TryParse(uri.Host, out _) ? IPAddress.Loopback
                : IPAddress.TryParse(uri.Host, out var parsed) ? parsed : IPAddress.Any;
            try
            {
                using var listener = new TcpListener(address, uri.Port);
                listener.Start();
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return url;
            }
        }

        return null;
    }

    public static WebApplicationBuilder UseDefaultAddress(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>Prints the addresses it serves on; a port already taken is said in one line, not a stack trace.</summary>
    public static async Task<int> RunGatewayAsync(this WebApplication app)
    {
        // Checked before anything starts, so the silo is not started only to be stopped again with a page of logs.
        if (TakenAddress(app.Configuration[WebHostDefaults.ServerUrlsKey]) is { } taken)
        {
            await Console.Error.WriteLineAsync($"Cannot start: {taken} is already in use by another program; give another address with --urls http://localhost:PORT.");
            return 1;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.WriteLine($"OrleansTraining serves {address}");
            }
        });
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"Cannot start: {exception.Message} Another program uses that port; give another with --urls http://localhost:PORT.");
            return 1;
        }
    }
}
