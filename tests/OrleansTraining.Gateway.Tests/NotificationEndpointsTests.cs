using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansTraining.Gateway.Tests.Infrastructure;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Notifications;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Gateway.Tests;

/// <summary>Each account reads and marks only its own notifications; another's id is unknown to it and nothing changes.</summary>
public sealed class NotificationEndpointsTests(SqliteGatewayFixture gateway) : IClassFixture<SqliteGatewayFixture>
{
    private readonly GatewaySession _session = gateway.Session;
    private readonly Scenario _scenario = new(gateway.Session);

    [Fact]
    public async Task A_lecturer_reads_and_marks_their_own_offers_and_nobody_else_can()
    {
        await _scenario.CreateCycleAsync("2107-2108", courses: 1);
        var plan = await _scenario.PlanAndPublishAsync("2107-2108");
        var offers = Scenario.Offers(plan);
        var owner = offers[0].LecturerId;
        var theirs = offers.Where(o => o.LecturerId == owner).ToList();
        var intruderId = offers.Select(o => o.LecturerId).FirstOrDefault(l => l != owner) ?? (owner == "l01" ? "l02" : "l01");
        var client = await _session.LecturerAsync(owner);

        var page = await client.GetJsonAsync("/api/notifications?take=100");
        var mine = page.Items("items").Where(i => i.Str("kind") == "Offer" && i.Str("id").Contains("2107-2108", StringComparison.Ordinal)).ToList();
        Assert.Equal(theirs.Select(o => "offer:" + o.AssignmentId).Order(), mine.Select(i => i.Str("id")).Order());
        Assert.All(mine, i =>
        {
            Assert.Equal($"/lecturer/{owner}", i.Str("link"));
            Assert.False(i.GetProperty("read").GetBoolean());
        });
        var target = mine[0].Str("id");
        var path = $"/api/notifications/{Uri.EscapeDataString(target)}/read";

        // Another lecturer, a province and the board: the id is not in their inbox (404), and the owner's stays unread.
        var intruder = await _session.LecturerAsync(intruderId);
        Assert.DoesNotContain((await intruder.GetJsonAsync("/api/notifications?take=100")).Items("items"), i => i.Str("id") == target);
        await (await intruder.PostAsync(path, null)).ProblemAsync(HttpStatusCode.NotFound);
        var host = plan.GetProperty("courses")[0].Str("hostProvince");
        await (await (await _session.ProvinceAsync(host)).PostAsync(path, null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await (await _session.BoardAsync()).PostAsync(path, null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await _session.Anonymous().PostAsync(path, null)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await _session.Anonymous().GetAsync("/api/notifications")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await intruder.PostAsync("/api/notifications/read-all", null)).JsonAsync(HttpStatusCode.OK);
        Assert.False(Find(await client.GetJsonAsync("/api/notifications?take=100"), target).GetProperty("read").GetBoolean());

        // The owner marks it read; unread ones come first.
        var read = await client.PostJsonAsync(path, null);
        Assert.True(read.GetProperty("read").GetBoolean());
        var after = await client.GetJsonAsync("/api/notifications?take=100");
        Assert.True(Find(after, target).GetProperty("read").GetBoolean());
        var flags = after.Items("items").Select(i => i.GetProperty("read").GetBoolean()).ToList();
        Assert.Equal(flags.OrderBy(f => f), flags);
        Assert.Equal(after.Items("items").Count(i => !i.GetProperty("read").GetBoolean()), after.GetProperty("unread").GetInt32());

        var marked = await client.PostJsonAsync("/api/notifications/read-all", null);
        Assert.Equal(after.GetProperty("unread").GetInt32(), marked.GetProperty("marked").GetInt32());
        Assert.Equal(0, (await client.GetJsonAsync("/api/notifications")).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task The_host_province_is_told_of_its_hosting_request_and_pages_are_bounded()
    {
        await _scenario.CreateCycleAsync("2109-2110", courses: 1);
        var plan = await _scenario.PlanAndPublishAsync("2109-2110");
        var course = plan.GetProperty("courses")[0];
        var host = course.Str("hostProvince");
        var province = await _session.ProvinceAsync(host);
        var page = await province.GetJsonAsync("/api/notifications?take=100");
        var request = Assert.Single(page.Items("items"), i => i.Str("id") == "hosting:" + course.Str("hostingRequestId"));
        Assert.Equal("HostingRequest", request.Str("kind"));
        Assert.Equal($"/province/{host}", request.Str("link"));
        Assert.Contains("Đề nghị đăng cai", request.Str("textVi"), StringComparison.Ordinal);
        Assert.Contains("Hosting request", request.Str("textEn"), StringComparison.Ordinal);

        var bad = await (await province.GetAsync("/api/notifications?take=0")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("take", out _));
        await (await province.GetAsync("/api/notifications?take=101")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Single((await province.GetJsonAsync("/api/notifications?take=1")).Items("items"));
    }

    [Fact]
    public async Task An_account_sets_where_its_own_notifications_are_mailed()
    {
        var province = await _session.ProvinceAsync("hue");
        var bad = await (await province.PutAsJsonAsync("/api/notifications/email", new { email = "not an address" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("email", out _));
        Assert.Equal(JsonValueKind.Null, (await province.GetJsonAsync("/api/notifications/email")).GetProperty("email").ValueKind);

        var set = await province.PutJsonAsync("/api/notifications/email", new { email = "so-noi-vu@hue.example.vn" });
        Assert.Equal("so-noi-vu@hue.example.vn", set.Str("email"));
        Assert.Equal("so-noi-vu@hue.example.vn", (await province.GetJsonAsync("/api/notifications/email")).Str("email"));
        // Another province's address is untouched by it.
        Assert.Equal(JsonValueKind.Null, (await (await _session.ProvinceAsync("da-nang")).GetJsonAsync("/api/notifications/email")).GetProperty("email").ValueKind);
    }

    private static JsonElement Find(JsonElement page, string id) => page.Items("items").Single(i => i.Str("id") == id);

    [Fact]
    public async Task A_decision_for_a_cycle_that_does_not_exist_is_listed_for_the_board_and_rings_its_bell_once()
    {
        var grains = _session.Factory.Services.GetRequiredService<IGrainFactory>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var gone = $"gone-{suffix}";
        var decision = new FollowUp($"hue:req-{suffix}:escalate", FollowUpKind.RaiseEscalation, gone, DateTimeOffset.UtcNow,
            Escalation: new EscalationNotice(EscalationKind.HostingRequestUnanswered, $"{gone}-c01", $"req-{suffix}", "Huế has not answered."));
        var board = await _session.BoardAsync();

        await grains.GetGrain<ICycleGrain>(gone).ReceiveFollowUpAsync(decision, grains.GetGrain<IProvinceGrain>("hue"));
        await grains.GetGrain<ICycleGrain>(gone).ReceiveFollowUpAsync(decision, grains.GetGrain<IProvinceGrain>("hue")); // delivered again

        var listed = await Poll.UntilAsync(
            () => board.GetJsonAsync("/api/undeliverable-decisions"),
            l => l.EnumerateArray().Any(d => d.Str("followUpId") == decision.Id),
            "the decision was listed");
        var item = Assert.Single(listed.EnumerateArray(), d => d.Str("followUpId") == decision.Id);
        Assert.Equal((gone, $"{gone}-c01", "RaiseEscalation"), (item.Str("targetKey"), item.Str("courseId"), item.Str("kind")));
        Assert.Contains("does not exist", item.Str("detail"), StringComparison.Ordinal);
        var bell = await Poll.UntilAsync(
            () => board.GetJsonAsync("/api/notifications?take=100"),
            p => p.Items("items").Any(n => n.Str("id") == "undeliverable:" + decision.Id),
            "the board's bell rang");
        var note = Assert.Single(bell.Items("items"), n => n.Str("id") == "undeliverable:" + decision.Id);
        Assert.Equal("/board#undeliverable", note.Str("link"));
        Assert.False(note.GetProperty("read").GetBoolean());
        await (await (await _session.ProvinceAsync("hue")).GetAsync("/api/undeliverable-decisions")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await board.GetAsync($"/api/cycles/{gone}")).ProblemAsync(HttpStatusCode.NotFound); // still no such cycle

        // The board's home page lists it where the link of the notification points.
        var home = await (await PageSession.SignInAsync(_session.Factory, "board")).GetAsync("/board");
        var html = await home.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("id=\"undeliverable\"", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{gone}</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_dismisses_an_undeliverable_decision_once_by_api_or_page_and_a_repeated_delivery_does_not_bring_it_back()
    {
        var grains = _session.Factory.Services.GetRequiredService<IGrainFactory>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var gone = $"gone-{suffix}";
        FollowUp Decision(string what) => new($"hue:req-{suffix}-{what}:escalate", FollowUpKind.RaiseEscalation, gone, DateTimeOffset.UtcNow,
            Escalation: new EscalationNotice(EscalationKind.HostingRequestUnanswered, $"{gone}-c01", $"req-{suffix}", "Huế has not answered."));
        var (byApi, byPage) = (Decision("api"), Decision("page"));
        var board = await _session.BoardAsync();
        foreach (var decision in new[] { byApi, byPage })
        {
            await grains.GetGrain<ICycleGrain>(gone).ReceiveFollowUpAsync(decision, grains.GetGrain<IProvinceGrain>("hue"));
        }

        await Poll.UntilAsync(
            () => board.GetJsonAsync("/api/undeliverable-decisions"),
            l => l.EnumerateArray().Count(d => d.Str("followUpId").Contains(suffix, StringComparison.Ordinal)) == 2,
            "both decisions were listed");
        var path = $"/api/undeliverable-decisions/{Uri.EscapeDataString(byApi.Id)}/dismiss";
        await (await (await _session.ProvinceAsync("hue")).PostAsync(path, null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await board.PostAsync($"/api/undeliverable-decisions/{Uri.EscapeDataString("no-such-" + suffix)}/dismiss", null)).ProblemAsync(HttpStatusCode.NotFound);

        var dismissed = await board.PostJsonAsync(path, null);
        Assert.Equal("board", dismissed.Str("dismissedBy"));
        var again = await board.PostJsonAsync(path, null); // dismissing again changes nothing: the first dismissal stands
        Assert.Equal(dismissed.Str("dismissedAt"), again.Str("dismissedAt"));
        await grains.GetGrain<ICycleGrain>(gone).ReceiveFollowUpAsync(byApi, grains.GetGrain<IProvinceGrain>("hue")); // delivered again

        // The page's button dismisses the other one.
        var page = await PageSession.SignInAsync(_session.Factory, "board");
        var button = $"followUpId={Uri.EscapeDataString(byPage.Id)}"; // the address of its row's button
        Assert.Contains(button, await (await page.GetAsync("/board")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var posted = await page.PostFormAsync("/board", "Dismiss", new Dictionary<string, string> { ["followUpId"] = byPage.Id });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (
            (await page.PostFormAsync("/board", "Dismiss", new Dictionary<string, string> { ["followUpId"] = "no-such-" + suffix })).StatusCode,
            (await page.PostFormAsync("/board", "Dismiss")).StatusCode));

        var open = await board.GetJsonAsync("/api/undeliverable-decisions");
        Assert.DoesNotContain(open.EnumerateArray(), d => d.Str("followUpId").Contains(suffix, StringComparison.Ordinal));
        var all = (await board.GetJsonAsync("/api/undeliverable-decisions?includeDismissed=true")).EnumerateArray()
            .Where(d => d.Str("followUpId").Contains(suffix, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, all.Count); // kept once each: the repeated delivery was recognised
        Assert.All(all, d => Assert.Equal("board", d.Str("dismissedBy")));
        Assert.DoesNotContain(button, await (await page.GetAsync("/board")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inbox_keeps_the_newest_read_notifications_and_every_unread_one()
    {
        var grains = _session.Factory.Services.GetRequiredService<IGrainFactory>();
        var inbox = grains.GetGrain<INotificationInboxGrain>(NotificationRecipients.Lecturer("l14"));
        var client = await _session.LecturerAsync("l14");
        var at = DateTimeOffset.UtcNow;
        var old = Enumerable.Range(1, InboxBounds.ReadKept + 5)
            .Select(i => new Notification($"bulk-{i:000}", NotificationKind.MaterialsDue, $"Nhắc {i}", $"Reminder {i}", "/lecturer/l14", at.AddSeconds(i)))
            .ToList();
        foreach (var note in old)
        {
            await inbox.ReceiveAsync(note);
        }

        await client.PostJsonAsync("/api/notifications/read-all", null);
        await inbox.ReceiveAsync(new Notification("bulk-new", NotificationKind.MaterialsDue, "Nhắc mới", "New reminder", "/lecturer/l14", at.AddHours(1)));

        var page = await client.GetJsonAsync("/api/notifications?take=100");
        // Exactly the newest read ones are kept (an offer of another test's cycle may be unread beside the new one).
        Assert.Equal(InboxBounds.ReadKept, page.GetProperty("total").GetInt32() - page.GetProperty("unread").GetInt32());
        Assert.False(Find(page, "bulk-new").GetProperty("read").GetBoolean());
        await (await client.PostAsync("/api/notifications/bulk-001/read", null)).ProblemAsync(HttpStatusCode.NotFound); // the oldest read went
        Assert.True((await client.PostJsonAsync($"/api/notifications/bulk-{InboxBounds.ReadKept + 5:000}/read", null)).GetProperty("read").GetBoolean());
    }
}
