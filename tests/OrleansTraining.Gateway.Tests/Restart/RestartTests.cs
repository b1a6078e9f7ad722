using System.Net;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.TestKit;

namespace OrleansTraining.Gateway.Tests.Restart;

/// <summary>
/// The gateway stops in the middle of the walk and starts again on the same database: nothing is lost, tokens
/// issued before still work, and the demo is not loaded a second time.
/// </summary>
public abstract class RestartTests(StorageKind storage)
{
    [Fact]
    public async Task A_restart_in_the_middle_of_the_walk_loses_nothing()
    {
        var database = await TestDatabases.NewAsync(storage);
        Offer accepted;
        string courseId, host, boardToken;

        await using (var first = new GatewayFactory(storage, database))
        {
            var session = new GatewaySession(first);
            var plan = await new Scenario(session).PlanAndPublishAsync(Scenario.DemoCycle);
            var course = Scenario.CoursesAwaitingHost(plan)[0];
            (courseId, host) = (course.Str("id"), course.Str("hostProvince"));
            await (await session.ProvinceAsync(host)).PostJsonAsync(
                $"/api/provinces/{host}/hosting-requests/{course.Str("hostingRequestId")}/confirm", Scenario.Logistics("Hội trường Tỉnh ủy"));
            accepted = Scenario.Offers(plan)[0];
            await (await session.LecturerAsync(accepted.LecturerId)).PostJsonAsync(
                $"/api/lecturers/{accepted.LecturerId}/assignments/{accepted.AssignmentId}/accept", null);
            var scenario = new Scenario(session);
            await scenario.CourseAsync(courseId, c => c.Str("status") == "HostConfirmed", "the confirmation reached the course");
            await scenario.CourseAsync(accepted.CourseId, c => Scenario.Session(c, accepted.SessionId).Str("staffing") == "Accepted", "the acceptance reached the course");
            boardToken = await GatewayClients.TokenAsync(session.Anonymous(), "board");
        }

        await using (var second = new GatewayFactory(storage, database))
        {
            var session = new GatewaySession(second);
            var board = session.WithToken(boardToken);
            var cycle = await board.GetJsonAsync($"/api/cycles/{Scenario.DemoCycle}");
            Assert.Equal("Published", cycle.Str("status"));
            var course = await board.GetJsonAsync($"/api/courses/{courseId}");
            Assert.Equal("HostConfirmed", course.Str("status"));
            Assert.Equal("Hội trường Tỉnh ủy", course.GetProperty("hostLogistics").Str("venue"));
            var assignments = await (await session.LecturerAsync(accepted.LecturerId)).GetJsonAsync($"/api/lecturers/{accepted.LecturerId}/assignments");
            Assert.Equal("Accepted", assignments.EnumerateArray().Single(a => a.GetProperty("offer").Str("assignmentId") == accepted.AssignmentId).Str("status"));

            // The walk goes on after the restart.
            await (await session.ProvinceAsync(host)).PostJsonAsync($"/api/courses/{courseId}/nominations", new { trainees = Scenario.Trainees(course, 1, host) });
        }

        await using (var third = new GatewayFactory(storage, database))
        {
            var board = await new GatewaySession(third).BoardAsync();
            var report = await board.GetJsonAsync($"/api/cycles/{Scenario.DemoCycle}/report");
            Assert.Equal(1, report.GetProperty("traineesByProvince").GetProperty(host).GetInt32());
            Assert.Equal("Published", report.Str("status"));
        }

        await TestDatabases.DropAsync(storage, database);
    }
}
