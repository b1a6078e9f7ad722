using System.Globalization;
using Microsoft.Playwright;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Pages.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTraining.Pages.Tests;

/// <summary>A lecturer declares unavailable dates one by one on their page, sees the grain's refusal, and gets a calendar address.</summary>
[Collection(PagesCollection.Name)]
public sealed class LecturerAvailabilityPagesTests(PagesFixture fixture)
{
    [Fact]
    public async Task A_lecturer_adds_and_removes_unavailable_dates_and_a_date_with_an_accepted_session_is_refused_beside_the_field()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var offer = (await TestCycles.OffersAsync(fixture.Grains, plan, 1))[0];
        var lecturerId = offer.LecturerId;
        var lecturer = fixture.Grains.GetGrain<ILecturerGrain>(lecturerId);
        await lecturer.AcceptAsync(offer.Offer.AssignmentId);
        // A free day of this test's own cycle year: no other test's session falls on it for this lecturer.
        var free = offer.Offer.Date.AddDays(-3);
        var page = await fixture.NewPageAsync();
        await Browse.SignInAsync(page, $"lecturer-{lecturerId}");

        var form = page.Locator("form#add-unavailable");
        await form.GetByLabel("Ngày", new() { Exact = true }).FillAsync(Iso(free));
        await form.GetByLabel("Lý do (không bắt buộc)").FillAsync("Họp Hội đồng khoa học");
        await form.GetByRole(AriaRole.Button, new() { Name = "Thêm ngày bận" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã báo bận ngày {Vi(free)}.");
        var row = page.Locator($"li[data-date='{Iso(free)}']");
        await Expect(row).ToContainTextAsync("Họp Hội đồng khoa học");
        Assert.Contains(free, (await lecturer.GetAsync()).UnavailableDates);

        // The day of the accepted session: the grain refuses it, and the page says so beside the date field.
        form = page.Locator("form#add-unavailable");
        await form.GetByLabel("Ngày", new() { Exact = true }).FillAsync(Iso(offer.Offer.Date));
        await form.GetByRole(AriaRole.Button, new() { Name = "Thêm ngày bận" }).ClickAsync();
        form = page.Locator("form#add-unavailable");
        await Expect(form.Locator("[data-field='date']")).ToContainTextAsync("Không thể báo bận: ngày này bạn đã nhận một buổi giảng.");
        await Expect(form.GetByLabel("Ngày", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "lecturer-unavailable-refused-vi");
        Assert.DoesNotContain(offer.Offer.Date, (await lecturer.GetAsync()).UnavailableDates);

        // No date at all is refused by the page too.
        await form.GetByLabel("Ngày", new() { Exact = true }).FillAsync("");
        await form.GetByRole(AriaRole.Button, new() { Name = "Thêm ngày bận" }).ClickAsync();
        await Expect(page.Locator("form#add-unavailable [data-field='date']")).ToHaveTextAsync("Hãy chọn một ngày.");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Bỏ ngày bận {Vi(free)}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã bỏ ngày bận {Vi(free)}.");
        await Expect(page.Locator($"li[data-date='{Iso(free)}']")).ToHaveCountAsync(0);
        Assert.DoesNotContain(free, (await lecturer.GetAsync()).UnavailableDates);
    }

    [Fact]
    public async Task A_lecturer_creates_a_calendar_address_that_serves_the_feed_and_revokes_it()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var offer = (await TestCycles.OffersAsync(fixture.Grains, plan, 1))[0];
        var page = await fixture.NewPageAsync();
        await Browse.SignInAsync(page, $"lecturer-{offer.LecturerId}");
        await fixture.Grains.GetGrain<ILecturerGrain>(offer.LecturerId).RevokeCalendarFeedAsync();
        await page.ReloadAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo địa chỉ lịch" }).ClickAsync();
        var url = await page.GetByLabel("Địa chỉ lịch của bạn").InputValueAsync();
        Assert.Matches($"/calendar/{offer.LecturerId}\\.[A-Za-z0-9_-]{{43}}\\.ics$", url);
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "lecturer-calendar-feed-vi");
        var feed = await page.APIRequest.GetAsync(url);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("text/calendar", feed.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains($"UID:{offer.Offer.AssignmentId}@", await feed.TextAsync(), StringComparison.Ordinal);

        // Reopened (not reloaded, which would post again): the address is not shown any more, only that a feed is live.
        await page.GotoAsync($"/lecturer/{offer.LecturerId}");
        await Expect(page.Locator("[data-feed='active']")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Địa chỉ lịch của bạn")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi địa chỉ lịch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thu hồi địa chỉ lịch");
        Assert.Equal(404, (await page.APIRequest.GetAsync(url)).Status);

        // The same sections in English.
        await Browse.SwitchToEnglishAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Personal calendar (iCalendar)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create a calendar address" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add the date" })).ToBeVisibleAsync();
        await Browse.AssertAccessibleAsync(page);

        // An address made on the English page serves the feed in English words.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a calendar address" }).ClickAsync();
        var englishUrl = await page.GetByLabel("Your calendar address").InputValueAsync();
        Assert.EndsWith(".ics?lang=en", englishUrl, StringComparison.Ordinal);
        var englishFeed = await page.APIRequest.GetAsync(englishUrl);
        Assert.Equal(200, englishFeed.Status);
        Assert.Contains("X-WR-CALNAME:Teaching calendar", await englishFeed.TextAsync(), StringComparison.Ordinal);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Vi(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
