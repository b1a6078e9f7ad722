using System.Collections.Immutable;

namespace OrleansTraining.Grains.Security;

/// <summary>
/// The ASP.NET Core data-protection key ring that signs the pages' cookies and antiforgery tokens, kept in one grain so
/// every node of the cluster reads and writes the same keys: a cookie issued by one node is honoured by all. Key
/// "data-protection".
/// </summary>
[Alias("ot.IKeyRingGrain")]
public interface IKeyRingGrain : IGrainWithStringKey
{
    public const string Key = "data-protection";

    /// <summary>Every key element as XML, oldest first.</summary>
    [ReadOnly]
    Task<ImmutableArray<string>> GetElementsAsync();

    /// <summary>Adds a key element under its name (e.g. "key-&lt;guid&gt;"); adding the same name again changes nothing.</summary>
    Task AddElementAsync(string name, string xml);
}
