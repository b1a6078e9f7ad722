using System.Net;
using System.Net.Http.Json;
using OrleansTraining.Gateway.Tests.Infrastructure;

namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>Fields a caller may not set (a status, ids, a province, a role) are refused by name and change nothing.</summary>
public sealed class ForbiddenFieldsTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;

    [Theory]
    [InlineData("status", "\"Accepted\"")]
    [InlineData("lecturerId", "\"l01\"")]
    [InlineData("assignmentId", "\"someone-elses\"")]
    [InlineData("role", "\"board\"")]
    public async Task A_decline_carrying_a_field_of_its_own_choosing_is_refused_by_name_and_the_offer_stays_open(string field, string value)
    {
        var world = await MatrixWorld.BuildAsync(_session, new Scenario(_session), CycleFor(field));
        var lecturer = await _session.LecturerAsync(world.OwnLecturer);
        var path = $"/api/lecturers/{world.OwnLecturer}/assignments/{world.AssignmentId}/decline";

        var response = await lecturer.PostAsync(path, new StringContent($"{{\"reason\": \"Trùng lịch\", \"{field}\": {value}}}", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
        var assignments = await lecturer.GetJsonAsync($"/api/lecturers/{world.OwnLecturer}/assignments");
        Assert.Equal("Offered", assignments.EnumerateArray().Single(a => a.GetProperty("offer").Str("assignmentId") == world.AssignmentId).Str("status"));
    }

    [Fact]
    public async Task A_confirmation_naming_another_province_or_a_status_is_refused_and_the_request_stays_open()
    {
        var world = await MatrixWorld.BuildAsync(_session, new Scenario(_session), "2071-2072");
        var province = await _session.ProvinceAsync(world.OwnProvince);
        var path = $"/api/provinces/{world.OwnProvince}/hosting-requests/{world.RequestId}/confirm";

        var withProvince = await province.PostAsJsonAsync(path, new { provinceCode = world.OtherProvince, status = "Confirmed" });

        var problem = await withProvince.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.ErrorFields().Any(f => f is "provinceCode" or "status"), string.Join(", ", problem.ErrorFields()));
        var request = await province.GetJsonAsync($"/api/provinces/{world.OwnProvince}/hosting-requests/{world.RequestId}");
        Assert.Equal("Pending", request.Str("status"));
    }

    private static string CycleFor(string field) => field switch
    {
        "status" => "2073-2074",
        "lecturerId" => "2075-2076",
        "assignmentId" => "2077-2078",
        _ => "2079-2080",
    };
}
