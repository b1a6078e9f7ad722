using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OrleansTraining.Gateway.Hosting;

/// <summary>Where the gateway listens: ASPNETCORE_URLS or --urls when given, else http://localhost:5080; printed once it serves.</summary>
public static class ServerAddresses
{
    public const string DefaultUrl = "http://localhost:5080";

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
