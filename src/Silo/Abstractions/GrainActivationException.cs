namespace OrleansTraining.Silo;

/// <summary>A grain could not be activated (its state could not be read, or OnActivateAsync threw).</summary>
public sealed class GrainActivationException(string message, Exception innerException) : Exception(message, innerException);
