using Microsoft.Playwright;
using OrleansTraining.Pages.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTraining.Pages.Tests;

/// <summary>
/// Repeated wrong passwords lock sign-in on the page as on the API: the page says to come back later and answers 429.
/// An unknown name locks the same way, which is why the test can use one no other test signs in with.
/// </summary>
[Collection(PagesCollection.Name)]
public sealed class SignInLockoutPagesTests(PagesFixture fixture)
{
    [Fact]
    public async Task After_five_wrong_passwords_the_sign_in_page_says_it_is_locked_for_a_while()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/sign-in");
        for (var i = 0; i < 5; i++)
        {
            await page.GetByLabel("Tên đăng nhập").FillAsync("khong-co-tai-khoan-nay");
            await page.GetByLabel("Mật khẩu").FillAsync($"doan-{i}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
        }

        await page.GetByLabel("Tên đăng nhập").FillAsync("khong-co-tai-khoan-nay");
        await page.GetByLabel("Mật khẩu").FillAsync("doan-lan-nua");
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/sign-in", StringComparison.Ordinal));

        Assert.Equal(429, answer.Status);
        Assert.True(int.TryParse(await answer.HeaderValueAsync("retry-after"), out var seconds) && seconds > 0);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Đăng nhập sai quá nhiều lần: tạm thời không đăng nhập được. Vui lòng thử lại sau 15 phút.");
        await Browse.AssertAccessibleAsync(page);
    }
}
