using System.Reflection;

namespace OrleansTraining.Silo.Runtime;

/// <summary>Which grain class serves each grain interface, and which class each stored type name means.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainClass> _byInterface = [];
    private readonly Dictionary<string, GrainClass> _byTypeName = new(StringComparer.Ordinal);

    public IEnumerable<GrainClass> Classes => _byTypeName.Values;

    public void Add(Type classType)
    {
        var grainClass = new GrainClass(classType);
        if (_byTypeName.TryGetValue(grainClass.TypeName, out var existing))
        {
            if (existing.ClassType == classType)
            {
                return;
            }

            throw new InvalidOperationException($"Grain classes {existing.ClassType.Name} and {classType.Name} share the type name '{grainClass.TypeName}'.");
        }

        _byTypeName.Add(grainClass.TypeName, grainClass);
        foreach (var grainInterface in classType.GetInterfaces().Where(i => typeof(IGrainWithStringKey).IsAssignableFrom(i) && i != typeof(IGrainWithStringKey)))
        {
            GrainMethodInvoker.ValidateInterface(grainInterface);
            if (!_byInterface.TryAdd(grainInterface, grainClass))
            {
                throw new InvalidOperationException(
                    $"Grain interface {grainInterface.Name} is implemented by both {_byInterface[grainInterface].ClassType.Name} and {classType.Name}.");
            }
        }
    }

    public void AddAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t)))
        {
            Add(type);
        }
    }

    public GrainClass ForInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException($"No grain class implementing {grainInterface.Name} is registered with the grain host.");

    public bool TryGetByTypeName(string typeName, out GrainClass grainClass) =>
        _byTypeName.TryGetValue(typeName, out grainClass!);
}
