using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Common.Audit;

/// <summary>
/// What differs between two states, property by property (camelCase paths, as in the API). Collections are compared
/// entry by entry: entries with a key (a first property named Id, …Id, Number, Day or Date; an assignment by its
/// assignment id, a hosting request by its request id) show what changed inside them; others show as added ("[+]")
/// or removed ("[-]"). Values are JSON text cut to <see cref="MaxValueLength"/>; an entry holds at most
/// <see cref="MaxChanges"/> changes, so the trail stays small whatever the change.
/// </summary>
internal static class AuditDiff
{
    public const int MaxValueLength = 200;
    public const int MaxChanges = 30;
    private const int MaxDepth = 4;
    private const string Hidden = "(hidden)";

    /// <summary>
    /// The delivery mechanisms' bookkeeping, the counters that number ids, and the trail itself: not changes anyone
    /// decided (an offer's count would otherwise crowd the session's own change out of a bounded entry).
    /// </summary>
    private static readonly FrozenSet<string> Ignored = FrozenSet.ToFrozenSet(
        ["Audit", "AuditCount", "Outbox", "Pending", "HandledFollowUps", "DeliveriesMade", "PendingCancellations", "OfferCounts", "TraineesNumbered"]);

    /// <summary>Hashes of secrets: that they changed is recorded, never their value.</summary>
    private static readonly FrozenSet<string> Redacted = FrozenSet.ToFrozenSet(["CalendarFeedHash", "SecretHash"]);

    private static readonly FrozenSet<string> KeyNames = FrozenSet.ToFrozenSet(["Id", "Number", "Day", "Date"]);

    private static readonly FrozenDictionary<Type, Func<object, string?>> ExplicitKeys = new Dictionary<Type, Func<object, string?>>
    {
        [typeof(AssignmentView)] = o => ((AssignmentView)o).Offer.AssignmentId,
        [typeof(HostingRequestView)] = o => ((HostingRequestView)o).Request.RequestId,
    }.ToFrozenDictionary();

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertyCache = new();
    private static readonly ConcurrentDictionary<Type, Func<object, string?>?> KeyCache = new();
    private static readonly JsonSerializerOptions Json = CreateJson();

    public static ImmutableArray<AuditChange> Changes(object before, object after)
    {
        var changes = new List<AuditChange>();
        foreach (var property in Properties(before.GetType()))
        {
            if (!Ignored.Contains(property.Name))
            {
                Compare(Camel(property.Name), property.Name, property.GetValue(before), property.GetValue(after), 1, changes);
            }
        }

        if (changes.Count <= MaxChanges)
        {
            return [.. changes];
        }

        return [.. changes.Take(MaxChanges), new AuditChange("…", null, $"{changes.Count - MaxChanges} more changes")];
    }

    private static void Compare(string path, string? name, object? a, object? b, int depth, List<AuditChange> changes)
    {
        if (Equals(a, b))
        {
            return;
        }

        if (name is not null && Redacted.Contains(name))
        {
            changes.Add(new AuditChange(path, a is null ? null : Hidden, b is null ? null : Hidden));
            return;
        }

        if (a is null || b is null || IsLeaf(a.GetType()) || depth >= MaxDepth)
        {
            Leaf(path, a, b, changes);
        }
        else if (a is IDictionary da && b is IDictionary db)
        {
            CompareDictionaries(path, da, db, depth, changes);
        }
        else if (a is IEnumerable ea && b is IEnumerable eb)
        {
            CompareSequences(path, a.GetType(), Items(ea), Items(eb), depth, changes);
        }
        else
        {
            foreach (var property in Properties(a.GetType()))
            {
                Compare($"{path}.{Camel(property.Name)}", property.Name, property.GetValue(a), property.GetValue(b), depth + 1, changes);
            }
        }
    }

    private static void CompareDictionaries(string path, IDictionary a, IDictionary b, int depth, List<AuditChange> changes)
    {
        var keys = a.Keys.Cast<object>().Concat(b.Keys.Cast<object>()).Distinct().OrderBy(k => k.ToString(), StringComparer.Ordinal);
        foreach (var key in keys)
        {
            Compare($"{path}[{key}]", null, a.Contains(key) ? a[key] : null, b.Contains(key) ? b[key] : null, depth + 1, changes);
        }
    }

    private static void CompareSequences(string path, Type type, List<object?> a, List<object?> b, int depth, List<AuditChange> changes)
    {
        var key = type.IsGenericType && type.GetGenericArguments() is [var element] ? KeyOf(element) : null;
        if (key is not null && Unique(a, key) is { } byKeyA && Unique(b, key) is { } byKeyB)
        {
            foreach (var (k, item) in byKeyA.Where(p => !byKeyB.ContainsKey(p.Key)))
            {
                changes.Add(new AuditChange($"{path}[{k}]", Text(item), null));
            }

            foreach (var (k, item) in byKeyB)
            {
                Compare($"{path}[{k}]", null, byKeyA.GetValueOrDefault(k), item, depth + 1, changes);
            }

            return;
        }

        // No key: the entries that are no longer there and those that are new. Equal values cancel out first, so only
        // what changed is written as JSON (a lecturer's hundreds of unavailable dates are not, on every change); what
        // is left cancels out by its JSON, as two records holding equal lists in different instances are not Equal.
        var (gone, added) = WithoutCommonValues(a, b);
        var before = gone.Select(Text).ToList();
        var after = added.Select(Text).ToList();
        foreach (var text in after.ToList())
        {
            if (before.Remove(text))
            {
                after.Remove(text);
            }
        }

        changes.AddRange(before.Select(t => new AuditChange($"{path}[-]", t, null)));
        changes.AddRange(after.Select(t => new AuditChange($"{path}[+]", null, t)));
    }

    /// <summary>The values of <paramref name="a"/> not in <paramref name="b"/> and those of <paramref name="b"/> not in <paramref name="a"/>, counting repeats.</summary>
    private static (List<object?> Gone, List<object?> Added) WithoutCommonValues(List<object?> a, List<object?> b)
    {
        var left = new Dictionary<object, int>();
        var nullsLeft = 0;
        foreach (var item in a)
        {
            if (item is null)
            {
                nullsLeft++;
            }
            else
            {
                left[item] = left.GetValueOrDefault(item) + 1;
            }
        }

        var added = new List<object?>();
        foreach (var item in b)
        {
            if (!TakeOne(item, left, ref nullsLeft))
            {
                added.Add(item);
            }
        }

        // What is left of a's values is gone, in a's order.
        var gone = new List<object?>();
        foreach (var item in a)
        {
            if (TakeOne(item, left, ref nullsLeft))
            {
                gone.Add(item);
            }
        }

        return (gone, added);
    }

    private static bool TakeOne(object? item, Dictionary<object, int> left, ref int nullsLeft)
    {
        if (item is null)
        {
            return nullsLeft > 0 && nullsLeft-- > 0;
        }

        if (left.TryGetValue(item, out var count) && count > 0)
        {
            left[item] = count - 1;
            return true;
        }

        return false;
    }

    private static Dictionary<string, object?>? Unique(List<object?> items, Func<object, string?> key)
    {
        var byKey = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is null || key(item) is not { } k || !byKey.TryAdd(k, item))
            {
                return null;
            }
        }

        return byKey;
    }

    private static void Leaf(string path, object? a, object? b, List<AuditChange> changes)
    {
        var before = Text(a);
        var after = Text(b);
        if (before != after)
        {
            changes.Add(new AuditChange(path, before, after));
        }
    }

    private static string? Text(object? value)
    {
        if (value is null)
        {
            return null;
        }

        // A string's JSON text is the string itself (keys are mostly ids): no need to serialize it.
        if (value is string plain)
        {
            return plain.Length <= MaxValueLength ? plain : string.Concat(plain.AsSpan(0, MaxValueLength - 1), "…");
        }

        var element = JsonSerializer.SerializeToElement(value, value.GetType(), Json);
        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
        return text.Length <= MaxValueLength ? text : string.Concat(text.AsSpan(0, MaxValueLength - 1), "…");
    }

    private static List<object?> Items(IEnumerable items)
    {
        var type = items.GetType();
        // A default ImmutableArray (never assigned) cannot be enumerated: it holds nothing.
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) && (bool)type.GetProperty("IsDefault")!.GetValue(items)!)
        {
            return [];
        }

        return items.Cast<object?>().ToList();
    }

    private static Func<object, string?>? KeyOf(Type element) => KeyCache.GetOrAdd(element, static type =>
    {
        if (ExplicitKeys.TryGetValue(type, out var known))
        {
            return known;
        }

        // Positional records name their identity first (SessionId, TraineeId, Number, Day…).
        var first = IsLeaf(type) ? null : Properties(type).FirstOrDefault();
        if (first is null || !IsLeaf(first.PropertyType) || !(KeyNames.Contains(first.Name) || first.Name.EndsWith("Id", StringComparison.Ordinal)))
        {
            return null;
        }

        return item => Text(first.GetValue(item));
    });

    private static PropertyInfo[] Properties(Type type) => PropertyCache.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray());

    private static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly)
            || type == typeof(TimeOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid);
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { HideSecrets } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>A secret's hash inside an entry shown whole (a ticket) reads "(hidden)".</summary>
    private static void HideSecrets(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (property.PropertyType == typeof(string) && property.Get is { } get && property.Name.Length > 0
                && Redacted.Contains(char.ToUpperInvariant(property.Name[0]) + property.Name[1..]))
            {
                property.Get = o => get(o) is null ? null : Hidden;
            }
        }
    }
}
