namespace OrleansTraining.Gateway.Problems;

/// <summary>Collects shape errors of a request by JSON field name, for a 400 that names every bad field at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public FieldErrors RequireText(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, $"'{field}' is required.") : this;

    public FieldErrors Check(bool valid, string field, string message) => valid ? this : Add(field, message);

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
