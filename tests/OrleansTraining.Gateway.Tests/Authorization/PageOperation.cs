using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using OrleansTraining.Gateway.Pages.Support;

namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>
/// One handler of one page (GET, or a POST handler: "/Board/Cycle POST Plan"), its route and the page policy the app
/// gives it, read off the app's own endpoints and compiled page descriptors: a new page or handler is in the matrix by itself.
/// </summary>
public sealed record PageOperation(string Page, string Route, string Method, string? Handler, string? Policy)
{
    public override string ToString() => $"{Page} {Method}{(Handler is null ? "" : " " + Handler)}";

    /// <summary>The path with the handler's query ("?handler=Save"), route values filled in by <paramref name="world"/>.</summary>
    public string PathIn(MatrixWorld world) => world.PathOf(Route) + (Handler is null ? "" : $"?handler={Uri.EscapeDataString(Handler)}");

    public static async Task<List<PageOperation>> AllAsync(EndpointDataSource endpoints, PageLoader loader)
    {
        var pages = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(p => p.Descriptor is not null)
            // "/Index" answers at "" and "/Index": one route per page is enough.
            .GroupBy(p => p.Descriptor!.ViewEnginePath, StringComparer.Ordinal)
            .Select(g => g.OrderBy(p => p.Endpoint.RoutePattern.RawText?.Length ?? 0).First());
        var operations = new List<PageOperation>();
        foreach (var (endpoint, descriptor) in pages)
        {
            var compiled = await loader.LoadAsync(descriptor!, endpoint.Metadata);
            // The role a page's folder demands; every page also carries the visitor policy, which demands nothing.
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy)
                .LastOrDefault(p => p is not null && p != PageAuth.VisitorPolicy);
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var handlers = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name)).ToList();
            // A page without an OnGet still answers a GET (it renders): it is in the matrix too.
            if (!handlers.Any(h => h is { Method: "GET", Name: null }))
            {
                handlers.Add(("GET", null));
            }

            operations.AddRange(handlers.Where(h => h.Method is "GET" or "POST").Distinct()
                .Select(h => new PageOperation(descriptor!.ViewEnginePath, route, h.Method, h.Name, policy)));
        }

        return [.. operations.OrderBy(o => o.Page, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ThenBy(o => o.Handler, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The roles the folder's policy admits; then a province (lecturer) named in the route admits only that province
    /// (lecturer). Null for a page under the visitor policy alone: those need a rule of their own in <see cref="PageRules"/>.
    /// </summary>
    public IReadOnlySet<Caller>? Admitted()
    {
        HashSet<Caller>? admitted = Policy switch
        {
            PageAuth.BoardPolicy => [Caller.Board],
            PageAuth.ProvincePolicy => [Caller.OwnProvince, Caller.OtherProvince],
            PageAuth.LecturerPolicy => [Caller.OwnLecturer, Caller.OtherLecturer],
            PageAuth.BoardOrProvincePolicy => [Caller.Board, Caller.OwnProvince, Caller.OtherProvince],
            _ => null,
        };
        if (admitted is null)
        {
            return null;
        }

        if (Route.Contains("{code}", StringComparison.Ordinal) || Route.Contains("{provinceCode}", StringComparison.Ordinal))
        {
            admitted.Remove(Caller.OtherProvince);
        }

        if (Route.Contains("{lecturerId}", StringComparison.Ordinal))
        {
            admitted.Remove(Caller.OtherLecturer);
        }

        return admitted;
    }
}
