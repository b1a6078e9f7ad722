using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using OrleansTraining.Silo.Storage;

namespace OrleansTraining.Silo.Runtime;

/// <summary>
/// Keeps grain calls from sharing mutable objects: immutable values pass by reference, anything else is copied
/// (through the same JSON shape the state store uses), so neither side can change the other's data.
/// </summary>
internal static class DeepCopier
{
    private static readonly ConcurrentDictionary<Type, bool> Immutability = new();

    private static readonly HashSet<Type> ImmutableLeaves =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly),
        typeof(TimeSpan), typeof(Guid), typeof(Uri), typeof(Version), typeof(CancellationToken),
    ];

    private static readonly HashSet<Type> ImmutableCollections =
    [
        typeof(ImmutableArray<>), typeof(ImmutableList<>), typeof(ImmutableHashSet<>), typeof(ImmutableSortedSet<>),
        typeof(ImmutableDictionary<,>), typeof(ImmutableSortedDictionary<,>), typeof(ImmutableQueue<>), typeof(ImmutableStack<>),
        typeof(KeyValuePair<,>), typeof(Nullable<>),
    ];

    public static object? Copy(object? value)
    {
        if (value is null)
        {
            return null;
        }

        var type = value.GetType();
        if (IsImmutable(type))
        {
            return value;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(value, type, StateJson.Options);
        return JsonSerializer.Deserialize(json, type, StateJson.Options);
    }

    /// <summary>
    /// True when every instance of <paramref name="type"/> is unchangeable after construction. Interfaces, object and
    /// abstract types are not (the instance behind them may be mutable); grain references are.
    /// </summary>
    public static bool IsImmutable(Type type)
    {
        if (Immutability.TryGetValue(type, out var known))
        {
            return known;
        }

        // Assume immutable while inspecting, so recursive types terminate; the final answer replaces it.
        Immutability[type] = true;
        var result = Inspect(type);
        Immutability[type] = result;
        return result;
    }

    private static bool Inspect(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || ImmutableLeaves.Contains(type) || typeof(IGrain).IsAssignableFrom(type)
            || typeof(Delegate).IsAssignableFrom(type) || typeof(Exception).IsAssignableFrom(type) || typeof(Type).IsAssignableFrom(type)
            || typeof(Task).IsAssignableFrom(type) || type.GetCustomAttribute<ImmutableAttribute>() is not null)
        {
            return true;
        }

        if (type.IsGenericType && ImmutableCollections.Contains(type.GetGenericTypeDefinition()))
        {
            return type.GetGenericArguments().All(IsImmutable);
        }

        if (type.IsArray || type.IsAbstract || type.IsInterface || type.IsPointer || type == typeof(object))
        {
            return false;
        }

        for (var current = type; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!IsReadOnlyField(field) || !IsImmutable(field.FieldType))
                {
                    return false;
                }
            }
        }

        return true;
    }

    // A field is read-only when declared readonly, or when it backs an init-only property (settable only while constructing).
    private static bool IsReadOnlyField(FieldInfo field)
    {
        if (field.IsInitOnly)
        {
            return true;
        }

        const string backingSuffix = ">k__BackingField";
        if (!field.Name.StartsWith('<') || !field.Name.EndsWith(backingSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        var propertyName = field.Name[1..^backingSuffix.Length];
        var property = field.DeclaringType!.GetProperty(propertyName, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
        var setter = property?.SetMethod;
        return setter is null || setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit));
    }
}
