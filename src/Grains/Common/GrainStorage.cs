namespace OrleansTraining.Grains.Common;

/// <summary>The one grain storage every grain's state lives in; the silo registers it under this name (TrainingSilo.StorageName).</summary>
public static class GrainStorage
{
    public const string Name = "store";
}
