using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using OrleansTraining.Silo.Storage;

namespace OrleansTraining.Silo.Runtime;

/// <summary>A registered grain class: its stored type name and how to construct it for an activation.</summary>
internal sealed class GrainClass
{
    private readonly ConstructorInfo _constructor;
    private readonly ParameterInfo[] _parameters;

    public GrainClass(Type classType)
    {
        if (classType.IsAbstract || !typeof(Grain).IsAssignableFrom(classType))
        {
            throw new ArgumentException($"{classType.FullName} is not a concrete grain class.", nameof(classType));
        }

        ClassType = classType;
        TypeName = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultTypeName(classType);
        _constructor = classType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new ArgumentException($"Grain class {classType.FullName} has no public constructor.", nameof(classType));
        _parameters = _constructor.GetParameters();
        foreach (var parameter in _parameters.Where(p => p.GetCustomAttribute<PersistentStateAttribute>() is not null))
        {
            if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new ArgumentException($"{classType.Name}: [PersistentState] parameter '{parameter.Name}' must be IPersistentState<T>.", nameof(classType));
            }
        }
    }

    public Type ClassType { get; }

    public string TypeName { get; }

    public Grain Create(IServiceProvider services, GrainContext context, StorageRegistry storage)
    {
        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            var declaration = parameter.GetCustomAttribute<PersistentStateAttribute>();
            if (declaration is not null)
            {
                var stateType = parameter.ParameterType.GetGenericArguments()[0];
                var state = (IStateLoader)Activator.CreateInstance(
                    typeof(PersistentState<>).MakeGenericType(stateType),
                    context.Id,
                    declaration.StateName,
                    storage.Get(declaration.StorageName),
                    context.Activation)!;
                context.AddState(state);
                arguments[i] = state;
            }
            else if (parameter.ParameterType == typeof(IGrainFactory))
            {
                arguments[i] = context.Runtime;
            }
            else
            {
                arguments[i] = services.GetService(parameter.ParameterType)
                    ?? (parameter.HasDefaultValue ? parameter.DefaultValue : throw new InvalidOperationException(
                        $"Grain {ClassType.Name} needs a {parameter.ParameterType.Name} that is not registered in the service container."));
            }
        }

        var grain = (Grain)_constructor.Invoke(arguments);
        grain.Attach(context);
        return grain;
    }

    private static string DefaultTypeName(Type type)
    {
        var name = type.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }
}
