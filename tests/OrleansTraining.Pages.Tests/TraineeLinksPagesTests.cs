using Microsoft.Playwright;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Pages.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTraining.Pages.Tests;

/// <summary>
/// Issuing trainees their personal links from the pages, as the API allows: the board for every nominee from the plan
/// page, a province for its own from its nominations page; the links are shown once and issuing again replaces them.
/// </summary>
[Collection(PagesCollection.Name)]
public sealed class TraineeLinksPagesTests(PagesFixture fixture)
{
    [Fact]
    public async Task The_board_issues_every_nominees_link_sees_them_once_and_issuing_again_replaces_them()
    {
        var course = await HeldCourses.NominatedAsync(fixture.Grains);
        var an = course.Trainees.Single(t => t.ProvinceCode == "hue");
        var page = await fixture.NewPageAsync();
        await Browse.SignInAsync(page, "board");
        await page.GotoAsync($"/board/cycles/{course.CycleId}/plan");
        await page.Locator($"details[data-course='{course.Id}'] summary").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Đường dẫn cho học viên — {course.Title}" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Đường dẫn cho học viên: {course.Title}");
        await Expect(page.Locator("li[data-nominee]")).ToHaveCountAsync(2);
        await Browse.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Cấp đường dẫn cho học viên" }).ClickAsync();
        await Expect(page.Locator("[data-links='issued'] li[data-trainee]")).ToHaveCountAsync(2);
        var first = await page.GetByLabel($"Đường dẫn của {an.Trainee.FullName}").InputValueAsync();
        Assert.StartsWith(new Uri(fixture.Gateway.Address, "/trainee/").ToString(), first, StringComparison.Ordinal);
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "board-trainee-links-vi");

        var trainee = await fixture.NewPageAsync(phone: true);
        await trainee.GotoAsync(first);
        await Expect(trainee.GetByText($"Xin chào {an.Trainee.FullName}")).ToBeVisibleAsync();

        // Shown once: opening the page again shows no link.
        await page.GotoAsync($"/courses/{course.Id}/trainee-links");
        await Expect(page.Locator("[data-links='issued']")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Cấp đường dẫn cho học viên" }).ClickAsync();
        var second = await page.GetByLabel($"Đường dẫn của {an.Trainee.FullName}").InputValueAsync();
        Assert.NotEqual(first, second);
        Assert.Equal(404, (await trainee.GotoAsync(first))!.Status);
        Assert.Equal(200, (await trainee.GotoAsync(second))!.Status);

        // A cancelled course issues no links: the grain refuses and the page says why, showing no link.
        await fixture.Grains.GetGrain<Grains.Cycles.ICycleGrain>(course.CycleId).CancelCourseAsync(course.Id, "Hủy để kiểm thử");
        await page.GotoAsync($"/courses/{course.Id}/trainee-links");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cấp đường dẫn cho học viên" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Lớp đã hủy hoặc đã kết thúc: không cấp đường dẫn cho học viên nữa.");
        await Expect(page.Locator("[data-links='issued']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_province_issues_only_its_own_nominees_links_from_its_nominations_page_and_others_get_403()
    {
        var course = await HeldCourses.NominatedAsync(fixture.Grains);
        var binh = (await fixture.Grains.GetGrain<ICourseGrain>(course.Id).IssueTraineeLinksAsync("can-tho")).Single();
        var page = await fixture.NewPageAsync(phone: true);
        await Browse.SignInAsync(page, "province-hue");
        await page.GotoAsync("/province/hue/nominations");
        await page.Locator($"section[data-course='{course.Id}']").GetByRole(AriaRole.Link, new() { Name = $"Đường dẫn cho học viên — {course.Title}" }).ClickAsync();

        await Expect(page.Locator("li[data-nominee]")).ToHaveCountAsync(1);
        await Expect(page.Locator("li[data-nominee]")).ToContainTextAsync("Nguyễn Văn An");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cấp đường dẫn cho học viên" }).ClickAsync();
        await Expect(page.Locator("[data-links='issued'] li[data-trainee]")).ToHaveCountAsync(1);
        var link = await page.GetByLabel("Đường dẫn của Nguyễn Văn An").InputValueAsync();
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "province-trainee-links-vi-phone");

        await Browse.SwitchToEnglishAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Trainees' links: {course.Title}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Issue the trainees' links" })).ToBeVisibleAsync();
        await Browse.AssertAccessibleAsync(page);

        // A province with no nominee in the course, and a lecturer, land on the 403 page; a forged post issues nothing.
        var other = await fixture.NewPageAsync();
        await Browse.SignInAsync(other, "province-ha-noi");
        Assert.Equal(403, (await other.GotoAsync($"/courses/{course.Id}/trainee-links"))!.Status);
        await other.GotoAsync("/province/ha-noi/nominations");
        var form = other.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", await other.Locator("input[name='__RequestVerificationToken']").First.InputValueAsync());
        var post = await other.APIRequest.PostAsync($"/courses/{course.Id}/trainee-links?handler=Issue", new() { Form = form, MaxRedirects = 0 });
        Assert.Contains(post.Status, new[] { 302, 403 });
        var trainee = await fixture.NewPageAsync();
        Assert.Equal(200, (await trainee.GotoAsync(link))!.Status);
        Assert.Equal(200, (await trainee.GotoAsync($"/trainee/{binh.Token}"))!.Status);

        var lecturer = await fixture.NewPageAsync();
        await Browse.SignInAsync(lecturer, "lecturer-l01");
        Assert.Equal(403, (await lecturer.GotoAsync($"/courses/{course.Id}/trainee-links"))!.Status);
    }
}
