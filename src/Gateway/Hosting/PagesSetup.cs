using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using OrleansTraining.Gateway.Pages.Support;

namespace OrleansTraining.Gateway.Hosting;

/// <summary>
/// The server-rendered pages (Razor Pages under Pages/, texts in Resources/): cookie sign-in with antiforgery for
/// pages beside the API's bearer tokens, Vietnamese by default with English on request.
/// </summary>
public static class PagesSetup
{
    public static IServiceCollection AddTrainingPages(this IServiceCollection services)
    {
        services.AddLocalization();
        // Vietnamese letters as they are, not as &#x...; entities: readable source, a third of the bytes.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddScoped<PageFormat>();
        services.AddRazorPages(options =>
        {
            // Every page reads the sign-in cookie (never a bearer token); the role folders demand their role.
            options.Conventions.AuthorizeFolder("/", PageAuth.VisitorPolicy);
            options.Conventions.AuthorizeFolder("/Board", PageAuth.BoardPolicy);
            options.Conventions.AuthorizeFolder("/Province", PageAuth.ProvincePolicy);
            options.Conventions.AuthorizeFolder("/Lecturer", PageAuth.LecturerPolicy);
            options.Conventions.AuthorizeFolder("/Courses", PageAuth.BoardOrProvincePolicy);
        });
        PageAuth.Add(services);
        return services;
    }

    /// <summary>Call after UseAuthorization. Only pages choose a language; the API is left exactly as it was.</summary>
    public static WebApplication MapTrainingPages(this WebApplication app)
    {
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseRequestLocalization(PageCultures.Options()));
        app.MapRazorPages();
        return app;
    }
}
