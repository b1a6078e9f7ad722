using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using OrleansTraining.Grains.Security;

namespace OrleansTraining.Gateway.Hosting;

/// <summary>
/// Data protection's key store on the cluster: every node's cookies and antiforgery tokens use the same keys, kept in
/// <see cref="IKeyRingGrain"/> (so in PostgreSQL or SQLite like all other state). The interface is synchronous; it is
/// called when the key ring is first needed and when a key is rotated, never per request.
/// </summary>
internal sealed class GrainKeyRepository(IServiceProvider services) : IXmlRepository
{
    private IKeyRingGrain KeyRing => services.GetRequiredService<IGrainFactory>().GetGrain<IKeyRingGrain>(IKeyRingGrain.Key);

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. KeyRing.GetElementsAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName) =>
        KeyRing.AddElementAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
}
