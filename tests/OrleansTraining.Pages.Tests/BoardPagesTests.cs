using Microsoft.Playwright;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Pages.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTraining.Pages.Tests;

/// <summary>The board signs in, finds its cycle and reads the courses month by month with their hosts and the map.</summary>
[Collection(PagesCollection.Name)]
public sealed class BoardPagesTests(PagesFixture fixture)
{
    [Fact]
    public async Task The_board_sees_its_cycle_month_by_month_with_hosts_map_and_status_in_Vietnamese()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var course = plan.Courses.First(c => c.Status == CourseStatus.Published && c.Start is not null);
        var page = await fixture.NewPageAsync();

        await Browse.SignInAsync(page, "board");
        await Expect(page).ToHaveURLAsync(new Uri(fixture.Gateway.Address, "/board").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Các chu kỳ bồi dưỡng" })).ToBeVisibleAsync();
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "board-cycles-vi");

        await page.GetByRole(AriaRole.Link, new() { Name = plan.CycleId, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Chu kỳ {plan.CycleId}" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lịch các lớp theo tháng" })).ToBeVisibleAsync();
        var start = course.Start!.Value;
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = $"Tháng {start.Month}/{start.Year}" })).ToBeVisibleAsync();
        var row = page.Locator($"tr[data-course='{course.Id}']");
        await Expect(row).ToContainTextAsync(ProvinceDirectory.Get(course.HostProvince!).NameVi);
        await Expect(row).ToContainTextAsync(start.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(row).ToContainTextAsync("Chờ tỉnh xác nhận");
        await Expect(page.Locator("svg circle[data-province]")).ToHaveCountAsync(34);
        await Expect(page.Locator($"svg circle[data-province='{course.HostProvince}']")).ToHaveAttributeAsync("data-mark", "Awaiting");
        var offered = plan.Courses.SelectMany(c => c.Sessions).Count(s => s.Staffing == StaffingStatus.Offered);
        var loadRows = page.Locator("table[aria-labelledby='load'] tbody tr");
        await Expect(loadRows.First).ToBeVisibleAsync();
        var offeredShown = 0;
        foreach (var cells in await loadRows.AllAsync())
        {
            offeredShown += int.Parse(await cells.Locator("td").Nth(1).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(offered, offeredShown);
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "board-cycle-vi");

        var missing = await page.GotoAsync("/board/cycles/1999-2000");
        Assert.Equal(404, missing!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không tìm thấy");
    }

    [Fact]
    public async Task The_board_plans_and_publishes_a_draft_cycle_from_its_page()
    {
        var cycleId = await TestCycles.DraftAsync(fixture.Grains);
        var page = await fixture.NewPageAsync();
        await Browse.SignInAsync(page, "board");
        await page.GotoAsync($"/board/cycles/{cycleId}");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Dự thảo");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Công bố kế hoạch" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Lập kế hoạch", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lập kế hoạch: 2 lớp");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Đã lập kế hoạch");
        await Expect(page.Locator("tr[data-course]")).ToHaveCountAsync(2);
        Assert.Equal(CycleStatus.Planned, (await fixture.Grains.GetGrain<ICycleGrain>(cycleId).GetAsync()).Status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Công bố kế hoạch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã công bố kế hoạch chu kỳ {cycleId}");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Đã công bố");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Công bố kế hoạch" })).ToHaveCountAsync(0);
        Assert.Equal(CycleStatus.Published, (await fixture.Grains.GetGrain<ICycleGrain>(cycleId).GetAsync()).Status);
        await Browse.ScreenshotAsync(page, "board-cycle-published-vi");
    }

    [Fact]
    public async Task The_board_reads_a_cycles_report_and_downloads_its_courses_as_csv()
    {
        const string cycleId = "2011-2012"; // the demo's closed cycle with the reported 2012 course; only read here
        var report = await fixture.Grains.GetGrain<ICycleGrain>(cycleId).GetReportAsync();
        var page = await fixture.NewPageAsync();
        await Browse.SignInAsync(page, "board");
        await page.GotoAsync($"/board/cycles/{cycleId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Báo cáo kết quả chu kỳ" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Báo cáo kết quả chu kỳ {cycleId}");
        await Expect(page.Locator("[data-total='nominated']")).ToHaveTextAsync(report.TraineesNominated.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-total='attended']")).ToHaveTextAsync(report.TraineesAttended.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var course = report.Courses[0];
        await Expect(page.Locator($"tr[data-course='{course.CourseId}']")).ToContainTextAsync(ProvinceDirectory.Get(course.HostProvince!).NameVi);
        var lecturer = report.EvaluationByLecturer[0];
        var lecturerName = (await fixture.Grains.GetGrain<Grains.Lecturers.ILecturerGrain>(lecturer.Key).GetAsync()).FullName;
        await Expect(page.Locator("table[aria-labelledby='report-EvaluationByLecturer']")).ToContainTextAsync(lecturerName);
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "board-report-vi");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải danh sách các lớp (CSV)" }).ClickAsync());
        Assert.Equal($"report-{cycleId}.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!, System.Text.Encoding.UTF8)).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("Lớp,Mã lớp,Tỉnh đăng cai", lines[0], StringComparison.Ordinal);
        Assert.Equal(report.Courses.Length + 1, lines.Count);
        Assert.Contains(lines, l => l.Contains(course.CourseId, StringComparison.Ordinal) && l.EndsWith($",{course.Nominated},{course.Attended}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_board_follows_a_field_trips_stops_in_order_on_the_map_with_each_stops_answer()
    {
        const string tripId = "dhct-to-chuc-k4-trip-3"; // the demo's 2005 field trip; only read here
        var trip = await fixture.Grains.GetGrain<Grains.FieldTrips.IFieldTripGrain>(tripId).GetAsync();
        var page = await fixture.NewPageAsync();
        await Browse.SignInAsync(page, "board");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đi thực tế" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = trip.Label }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(trip.Label);
        await Expect(page.Locator("svg circle[data-stop]")).ToHaveCountAsync(trip.Stops.Length);
        Assert.Equal(trip.Stops.Length, (await page.Locator("polyline[data-route]").GetAttributeAsync("points"))!.Split(' ').Length);
        foreach (var stop in trip.Stops)
        {
            var row = page.Locator($"tr[data-stop='{stop.Number}']");
            await Expect(row).ToContainTextAsync(ProvinceDirectory.Get(stop.ProvinceCode).NameVi);
            await Expect(row).ToHaveAttributeAsync("data-status", stop.Status.ToString());
        }

        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "board-field-trip-vi");
    }

    [Fact]
    public async Task The_board_reads_the_same_cycle_in_English_after_switching_the_language()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var course = plan.Courses.First(c => c.Status == CourseStatus.Published && c.Start is not null);
        var page = await fixture.NewPageAsync();

        await Browse.SignInAsync(page, "board");
        await page.GotoAsync($"/board/cycles/{plan.CycleId}");
        await Browse.SwitchToEnglishAsync(page);

        await Expect(page).ToHaveURLAsync(new Uri(fixture.Gateway.Address, $"/board/cycles/{plan.CycleId}").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Courses by month" })).ToBeVisibleAsync();
        var row = page.Locator($"tr[data-course='{course.Id}']");
        await Expect(row).ToContainTextAsync(ProvinceDirectory.Get(course.HostProvince!).NameEn);
        await Expect(row).ToContainTextAsync("Awaiting the host");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" })).ToBeVisibleAsync();
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "board-cycle-en");
    }
}
