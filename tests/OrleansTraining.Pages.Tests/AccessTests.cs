using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Pages.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTraining.Pages.Tests;

/// <summary>Pages need a sign-in, each account sees only its own pages, and the API keeps its bearer tokens.</summary>
[Collection(PagesCollection.Name)]
public sealed partial class AccessTests(PagesFixture fixture)
{
    [Fact]
    public async Task The_home_page_says_what_the_system_is_and_pages_without_a_session_lead_to_sign_in_while_the_API_answers_401()
    {
        var page = await fixture.NewPageAsync();
        var home = await page.GotoAsync("/");
        Assert.Equal(200, home!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bồi dưỡng công tác tổ chức");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập để bắt đầu" })).ToBeVisibleAsync();
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "home-vi");

        await page.GotoAsync("/board");
        await Expect(page).ToHaveURLAsync(Browse.SignInUrl());
        await Browse.AssertAccessibleAsync(page);

        var api = await page.APIRequest.GetAsync("/api/cycles");
        Assert.Equal(401, api.Status);
        Assert.StartsWith("application/problem+json", api.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_works_from_the_keyboard_alone_starting_with_the_skip_link()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/sign-in");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bỏ qua, đến nội dung chính" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Tên đăng nhập")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("board");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Mật khẩu")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(PagesGateway.DemoPassword);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Các chu kỳ bồi dưỡng" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_signing_out_ends_the_session()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Tên đăng nhập").FillAsync("board");
        await page.GetByLabel("Mật khẩu").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");

        await Browse.SignInAsync(page, "board");
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đến trang công việc của tôi" })).ToHaveAttributeAsync("href", "/board");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập để bắt đầu" })).ToBeVisibleAsync();
        await page.GotoAsync("/board");
        await Expect(page).ToHaveURLAsync(Browse.SignInUrl());
    }

    [Fact]
    public async Task A_province_cannot_open_or_answer_another_provinces_requests_nor_the_boards_pages()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var (course, pending) = (await TestCycles.AwaitingHostAsync(fixture.Grains, plan))[0];
        var victim = course.HostProvince!;
        var intruder = ProvinceDirectory.Codes.First(c => c != victim);
        var page = await fixture.NewPageAsync();
        await Browse.SignInAsync(page, $"province-{intruder}");

        var other = await page.GotoAsync($"/province/{victim}");
        Assert.Equal(403, other!.Status);
        await Expect(page).ToHaveURLAsync(Browse.DeniedUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không có quyền truy cập");
        await Browse.ScreenshotAsync(page, "denied-vi");
        Assert.Equal(403, (await page.GotoAsync("/board"))!.Status);

        // A form post with the intruder's own valid antiforgery token, aimed at the other province's request.
        await page.GotoAsync($"/province/{intruder}");
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.InputValueAsync();
        var post = await page.APIRequest.PostAsync(
            $"/province/{victim}?handler=Decline&requestId={Uri.EscapeDataString(pending.Request.RequestId)}",
            new() { Form = FormWith(page, token, ("Reason", "Not ours to answer")), MaxRedirects = 0 });
        Assert.Contains(post.Status, new[] { 302, 403 });
        Assert.Equal(HostingRequestStatus.Pending, (await fixture.Grains.GetGrain<IProvinceGrain>(victim).GetHostingRequestAsync(pending.Request.RequestId)).Status);
    }

    [Fact]
    public async Task A_lecturer_cannot_open_or_answer_another_lecturers_offers()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var offers = await TestCycles.OffersAsync(fixture.Grains, plan, 2);
        var (mine, theirs) = (offers[0], offers[1]);
        var page = await fixture.NewPageAsync();
        await Browse.SignInAsync(page, $"lecturer-{mine.LecturerId}");

        Assert.Equal(403, (await page.GotoAsync($"/lecturer/{theirs.LecturerId}"))!.Status);
        Assert.Equal(403, (await page.GotoAsync($"/province/{ProvinceDirectory.Codes[0]}"))!.Status);

        await page.GotoAsync($"/lecturer/{mine.LecturerId}");
        var token = await page.Locator("input[name='__RequestVerificationToken']").First.InputValueAsync();
        var post = await page.APIRequest.PostAsync(
            $"/lecturer/{theirs.LecturerId}?handler=Accept&assignmentId={Uri.EscapeDataString(theirs.Offer.AssignmentId)}",
            new() { Form = FormWith(page, token), MaxRedirects = 0 });
        Assert.Contains(post.Status, new[] { 302, 403 });
        var assignments = await fixture.Grains.GetGrain<ILecturerGrain>(theirs.LecturerId).GetAssignmentsAsync();
        Assert.Equal(AssignmentStatus.Offered, assignments.Single(a => a.Offer.AssignmentId == theirs.Offer.AssignmentId).Status);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var (course, pending) = (await TestCycles.AwaitingHostAsync(fixture.Grains, plan))[0];
        var code = course.HostProvince!;
        var page = await fixture.NewPageAsync();
        await Browse.SignInAsync(page, $"province-{code}");

        var form = page.APIRequest.CreateFormData();
        form.Set("Reason", "Sent from another site");
        var post = await page.APIRequest.PostAsync(
            $"/province/{code}?handler=Decline&requestId={Uri.EscapeDataString(pending.Request.RequestId)}",
            new() { Form = form, MaxRedirects = 0 });

        Assert.Equal(400, post.Status);
        Assert.Equal(HostingRequestStatus.Pending, (await fixture.Grains.GetGrain<IProvinceGrain>(code).GetHostingRequestAsync(pending.Request.RequestId)).Status);
    }

    private static IFormData FormWith(IPage page, string token, params (string Name, string Value)[] fields)
    {
        var form = page.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token);
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }
}
