using System.Text.Json.Serialization;

namespace OrleansTraining.Gateway.Hosting;

/// <summary>
/// JSON as clients see it: enums by name, and a request missing a required field or sending null for a non-nullable
/// one is refused while binding (400 naming the field) instead of reaching a grain half-filled. So is a field the
/// request does not define: a status, an id, a province or a role a caller slips in is refused by name, not ignored.
/// </summary>
public static class JsonSetup
{
    public static IServiceCollection AddGatewayJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.RespectNullableAnnotations = true;
            options.SerializerOptions.RespectRequiredConstructorParameters = true;
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
}
