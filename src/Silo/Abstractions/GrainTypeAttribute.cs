namespace OrleansTraining.Silo;

/// <summary>
/// Names a grain class's type in storage and reminders. Without it the name is the class name, lower-cased,
/// less a trailing "Grain". Give one when renaming a class must not orphan its stored state.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
