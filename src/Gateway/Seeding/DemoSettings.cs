namespace OrleansTraining.Gateway.Seeding;

/// <summary>Configuration section "Demo".</summary>
public sealed class DemoSettings
{
    public const string SectionName = "Demo";

    /// <summary>Load the demo into an empty database at start-up.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The one password of every demo account; the demo is for trying the system out, not for real use.</summary>
    public string Password { get; set; } = "demo-2027";
}
