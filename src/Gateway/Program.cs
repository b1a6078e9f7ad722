using OrleansTraining.Gateway.Auth;
using OrleansTraining.Gateway.Endpoints;
using OrleansTraining.Gateway.Hosting;
using OrleansTraining.Gateway.Idempotency;
using OrleansTraining.Gateway.Limits;
using OrleansTraining.Gateway.Problems;
using OrleansTraining.Gateway.Seeding;
using OrleansTraining.Silo.Observability;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultAddress();
builder.AddObservability("orleans-training-gateway");
builder.AddOrleansHosting();
builder.Services.AddDemoSeeding(builder.Configuration);
builder.Services.AddGatewayJson();
builder.Services.AddGatewayAuth(builder.Configuration);
builder.Services.AddGatewayOpenApi();
builder.Services.AddTrainingPages();
builder.Services.AddClusterDataProtection();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<GatewayExceptionHandler>();
// Binding failures throw in every environment so the exception handler can name the field at fault.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddGatewayLimits(builder.Configuration);

var app = builder.Build();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseReadAdmission();
app.UseAuthentication();
app.UseAuthorization();
app.UseGatewayLimits();
app.UseRouteIdCheck();
app.UseAuditContext();
app.UseIdempotency();
app.UseRefusalProblems();

app.MapOpenApi().AllowAnonymous();
app.MapTrainingHealthChecks();
app.MapOrleansDashboard("/dashboard").RequireAuthorization(GatewayPolicies.Board);
app.MapAuthEndpoints();
app.MapCycleEndpoints();
app.MapCycleCourseEndpoints();
app.MapCourseEndpoints();
app.MapMaterialsEndpoints();
app.MapProvinceEndpoints();
app.MapLecturerEndpoints();
app.MapFieldTripEndpoints();
app.MapPlanningEndpoints();
app.MapPlanningRunEndpoints();
app.MapEvaluationEndpoints();
app.MapOpenCourseEndpoints();
app.MapReportEndpoints();
app.MapCurriculumEndpoints();
app.MapCalendarFeedEndpoints();
app.MapTraineeEndpoints();
app.MapAuditEndpoints();
app.MapNotificationEndpoints();
app.MapUndeliverableDecisionEndpoints();
app.MapTrainingPages();

if (!await app.SigningKeyReadyAsync())
{
    return 1;
}

return await app.RunGatewayAsync();

public partial class Program;
