using OrleansTraining.Grains.Materials;

namespace OrleansTraining.Gateway.Limits;

/// <summary>
/// The gateway's HTTP limits (configuration section "Limits", shared with the grains' <c>LimitOptions</c>). A permit
/// count of 0 turns that rate limiter off (the test hosts do, except the tests of the limits themselves).
/// </summary>
public sealed class GatewayLimits
{
    public const string SectionName = "Limits";

    /// <summary>The largest request body (JSON and forms).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The largest materials upload: a file at the grain's limit plus room for the multipart framing.</summary>
    public long MaxUploadBodyBytes { get; set; } = MaterialFileTypes.MaxBytes + (1024 * 1024);

    /// <summary>Sign-in attempts (the API's token and the sign-in page) per client address and window.</summary>
    public int SignInPermits { get; set; } = 10;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Planning runs (plan, what-if variants, the cycle page's buttons) per account and window.</summary>
    public int PlanningPermits { get; set; } = 6;

    public TimeSpan PlanningWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests per signed-in account and window, whatever they are.</summary>
    public int AccountPermits { get; set; } = 600;

    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Reads running at once on one node before further reads wait behind the node's changes; 0 never holds a read. The
    /// default, four per core, kept a lecturer's accept and a province's confirmation under 100 ms at the 99th percentile
    /// on a saturated two-core machine while it served over 2,000 requests/s (README, "Load"); see <see cref="ReadAdmission"/>.
    /// </summary>
    public int ConcurrentReads { get; set; } = ReadsPerCore * Environment.ProcessorCount;

    /// <summary>The default's reads at once per core (see <see cref="ConcurrentReads"/>).</summary>
    public const int ReadsPerCore = 4;

    /// <summary>Reads that may wait on one node; one more is refused with a 503 problem.</summary>
    public int QueuedReads { get; set; } = 2000;
}
