using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OrleansTraining.TestKit;

/// <summary>Loopback ports nobody listens on, so test hosts never collide with each other or with a running app.</summary>
public static class FreePort
{
    // Below Linux's ephemeral range (32768–60999). A port the OS picked for "port 0" and handed back is soon lent again
    // to some outgoing connection (a database, a silo, the browser), which then holds it when the test's host tries to
    // bind it; ports down here are never lent that way, so one found free stays free until its host binds it.
    private const int First = 20_000;
    private const int Last = 32_000;

    // Never the same port twice in one test process; other processes pick at random from the same 12,000.
    private static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    public static int Next()
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            if (HandedOut.TryAdd(port, 0) && IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
