using Orleans.Configuration;

namespace OrleansTraining.Silo.Configuration;

/// <summary>
/// Timings that make a dead node stop stalling calls within about 5 s instead of Orleans' 30 s+ defaults.
/// A silo abandons its calls to another silo as soon as membership declares that silo dead, so detection time is
/// what matters: probes about every second (at most 2 s when the network is slow), 2 missed probes to suspect, and
/// the death vote (Orleans caps the votes needed at half the live silos, so 1 in a 2-node cluster) gives ~1-4 s
/// (measured ~1 s after kill -9). Gossip spreads the verdict at once; the 5 s table refresh and I-am-alive write
/// are the fallback when gossip is missed. Connection liveness checks stay on, so a busy but connected node is not
/// voted out by slow probes alone. A client-only process is different: a call already sent through a gateway that
/// dies is only released by the response timeout (Orleans:ResponseTimeout).
/// </summary>
internal static class Failover
{
    public static void ConfigureMembership(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.MaxProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 2;
        options.NumVotesForDeathDeclaration = 2;
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(20);
        options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        options.NumMissedTableIAmAliveLimit = 3;
        options.EnableConnectionLivenessCheck = true;
    }

    /// <summary>
    /// The response timeout is the backstop for a call whose callee hangs without dying; cancelling on timeout
    /// also stops the callee's work instead of letting it run on unobserved.
    /// </summary>
    public static void ConfigureMessaging(MessagingOptions options, TimeSpan responseTimeout)
    {
        options.ResponseTimeout = responseTimeout;
        options.CancelRequestOnTimeout = true;
    }

    /// <summary>A client re-reads the gateway list often, so it stops choosing a dead gateway within seconds.</summary>
    public static void ConfigureGateways(GatewayOptions options)
    {
        options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);
    }
}
