using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints;
using OrleansTraining.Gateway.Hosting;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Gateway.Seeding;
using OrleansTraining.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddObservability("orleans-training-gateway");

builder.Services.AddGatewayGrainHost();
builder.Services.AddDemoSeeding(builder.Configuration);
builder.Services.AddGatewayJson();
builder.Services.AddGatewayAuth(builder.Configuration);
builder.Services.AddGatewayOpenApi();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<GatewayExceptionHandler>();
// Binding failures throw in every environment so the exception handler can name the field at fault.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapAuthEndpoints();
app.MapCycleEndpoints();
app.MapCourseEndpoints();
app.MapProvinceEndpoints();
app.MapLecturerEndpoints();
app.MapFieldTripEndpoints();
app.MapPlanningEndpoints();

app.Run();

public partial class Program;
