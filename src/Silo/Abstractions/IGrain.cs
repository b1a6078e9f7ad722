namespace OrleansTraining.Silo;

/// <summary>Marker for every grain interface.</summary>
public interface IGrain;

/// <summary>A grain addressed by a string key, as in Orleans. Methods return Task, Task&lt;T&gt; or ValueTask&lt;T&gt;.</summary>
public interface IGrainWithStringKey : IGrain;
