using Microsoft.Playwright;
using OrleansTraining.Grains.Notifications;
using OrleansTraining.Pages.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTraining.Pages.Tests;

/// <summary>The bell counts the account's unread notifications; the page lists them with their links and marks them read.</summary>
[Collection(PagesCollection.Name)]
public sealed class NotificationPagesTests(PagesFixture fixture)
{
    [Fact]
    public async Task A_lecturer_follows_the_bell_to_their_offers_and_marks_them_read()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var offer = (await TestCycles.OffersAsync(fixture.Grains, plan, 1))[0];
        var inbox = fixture.Grains.GetGrain<INotificationInboxGrain>(NotificationRecipients.Lecturer(offer.LecturerId));
        var unread = await inbox.GetUnreadCountAsync();
        Assert.True(unread >= 1);
        var page = await fixture.NewPageAsync();
        await Browse.SignInAsync(page, $"lecturer-{offer.LecturerId}");

        var bell = page.Locator("header a.bell");
        await Expect(bell).ToContainTextAsync($"Thông báo ({unread} chưa đọc)");
        await bell.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(fixture.Gateway.Address, "/notifications").ToString());
        var item = page.Locator($"li#n-offer-{offer.Offer.AssignmentId}");
        await Expect(item).ToContainTextAsync("Lời mời giảng");
        await Expect(item.GetByRole(AriaRole.Link, new() { Name = "Mở trang xử lý" })).ToHaveAttributeAsync("href", $"/lecturer/{offer.LecturerId}");
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "notifications-vi");

        await item.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã đọc" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đánh dấu đã đọc.");
        Assert.Equal(unread - 1, await inbox.GetUnreadCountAsync());

        await Browse.SwitchToEnglishAsync(page);
        await Expect(page.Locator("ul.notifications")).ToContainTextAsync("Teaching offer");
        if (unread > 1)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Mark all read" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Marked read.");
        }

        Assert.Equal(0, await inbox.GetUnreadCountAsync());
        await page.ReloadAsync();
        await Expect(page.Locator("header a.bell")).ToContainTextAsync("Notifications");
        await Expect(page.Locator("header a.bell")).Not.ToContainTextAsync("unread");
        await Browse.AssertAccessibleAsync(page);
    }
}
