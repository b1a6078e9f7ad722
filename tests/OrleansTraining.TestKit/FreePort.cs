using System.Net;
using System.Net.Sockets;

namespace OrleansTraining.TestKit;

/// <summary>Loopback ports nobody listens on, so test hosts never collide with each other or with a running app.</summary>
public static class FreePort
{
    public static int Next()
    {
        // Port 0 makes the OS pick an unused port; it is unlikely to be handed out again straight away.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
