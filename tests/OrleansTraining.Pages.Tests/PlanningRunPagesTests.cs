using Microsoft.Playwright;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Pages.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTraining.Pages.Tests;

/// <summary>The board follows a planning run live (the page reloads itself, no script), stops one, and sees another through.</summary>
[Collection(PagesCollection.Name)]
public sealed class PlanningRunPagesTests(PagesFixture fixture)
{
    private static readonly LocatorAssertionsToContainTextOptions Long = new() { Timeout = (float)PagesFixture.Patience.TotalMilliseconds };

    [Fact]
    public async Task The_board_starts_a_run_stops_it_and_sees_the_next_one_recorded()
    {
        var cycleId = await TestCycles.DraftAsync(fixture.Grains);
        var page = await fixture.NewPageAsync();
        await Browse.SignInAsync(page, "board");
        await page.GotoAsync($"/board/cycles/{cycleId}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Chạy lập kế hoạch có theo dõi tiến độ" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Chạy lập kế hoạch — chu kỳ {cycleId}");
        await Expect(page.GetByText("Chưa có lần chạy nào")).ToBeVisibleAsync();
        await Browse.AssertAccessibleAsync(page);

        await page.GetByLabel("Rất kỹ").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu chạy" }).ClickAsync();
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Đang chạy");
        await Expect(page.Locator("meta[http-equiv='refresh']")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Tiến độ")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Dừng lần chạy" }).ClickAsync();
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Đã dừng");
        await Expect(page.Locator("meta[http-equiv='refresh']")).ToHaveCountAsync(0);
        Assert.Equal(CycleStatus.Draft, (await fixture.Grains.GetGrain<ICycleGrain>(cycleId).GetAsync()).Status);

        await page.GetByLabel("Tiêu chuẩn").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu chạy" }).ClickAsync();
        // The page reloads itself every second until the run is over.
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Hoàn tất", Long);
        await Expect(page.GetByText("Đã ghi kế hoạch: 2 lớp được xếp lịch")).ToBeVisibleAsync();
        await Expect(page.Locator("progress")).ToHaveAttributeAsync("value", "100");
        await Browse.ScreenshotAsync(page, "board-planning-run-vi");
        await Browse.AssertAccessibleAsync(page);
        Assert.Equal(CycleStatus.Planned, (await fixture.Grains.GetGrain<ICycleGrain>(cycleId).GetAsync()).Status);
    }

    [Fact]
    public async Task In_English_the_run_page_speaks_English_and_other_roles_are_refused()
    {
        var cycleId = await TestCycles.DraftAsync(fixture.Grains);
        var page = await fixture.NewPageAsync(phone: true);
        await Browse.SignInAsync(page, "board");
        await page.GotoAsync($"/board/cycles/{cycleId}/planning-run");
        await Browse.SwitchToEnglishAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Planning run — cycle {cycleId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the run" }).ClickAsync();
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Completed", Long);
        await Browse.ScreenshotAsync(page, "board-planning-run-en");

        var province = await fixture.NewPageAsync();
        await Browse.SignInAsync(province, "province-can-tho");
        await province.GotoAsync($"/board/cycles/{cycleId}/planning-run");
        await Expect(province).ToHaveURLAsync(Browse.DeniedUrl());
    }
}
