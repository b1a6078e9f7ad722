using Microsoft.Playwright;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Pages.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTraining.Pages.Tests;

/// <summary>A host province answers its hosting requests: confirm with logistics, or decline with a reason.</summary>
[Collection(PagesCollection.Name)]
public sealed class ProvincePagesTests(PagesFixture fixture)
{
    [Fact]
    public async Task A_province_confirms_hosting_after_the_grain_names_the_missing_fields_beside_them()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var (course, pending) = (await TestCycles.AwaitingHostAsync(fixture.Grains, plan))[0];
        var code = course.HostProvince!;
        var requestId = pending.Request.RequestId;
        var page = await fixture.NewPageAsync(phone: true);

        await Browse.SignInAsync(page, $"province-{code}");
        await Expect(page).ToHaveURLAsync(new Uri(fixture.Gateway.Address, $"/province/{code}").ToString());
        var card = page.Locator($"section[data-request='{requestId}']");
        await Expect(card).ToContainTextAsync(course.Title);
        await Expect(card.Locator("[data-countdown]")).ToContainTextAsync("còn");
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "province-requests-vi-phone");

        // Nothing typed: the grain refuses and the page says so beside the venue field.
        await card.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đăng cai" }).ClickAsync();
        card = page.Locator($"section[data-request='{requestId}']");
        await Expect(card.Locator("[data-field='venue']")).ToHaveTextAsync("Hãy nhập địa điểm tổ chức (tối đa 500 ký tự).");
        await Expect(card.GetByLabel("Địa điểm tổ chức")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browse.AssertAccessibleAsync(page);

        // Everything but a sensible number of rooms: the message moves to the rooms field, the typed text stays.
        await card.GetByLabel("Địa điểm tổ chức").FillAsync("Hội trường Tỉnh ủy");
        await card.GetByLabel("Số phòng nghỉ").FillAsync("0");
        await card.GetByLabel("Nơi ăn nghỉ").FillAsync("Nhà khách Tỉnh ủy");
        await card.GetByLabel("Phương tiện đi lại").FillAsync("Xe đưa đón từ sân bay");
        await card.GetByLabel("Người liên hệ").FillAsync("Văn phòng Ban Tổ chức Tỉnh ủy, 0292 3820 000");
        await card.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đăng cai" }).ClickAsync();
        card = page.Locator($"section[data-request='{requestId}']");
        await Expect(card.Locator("[data-field='rooms']")).ToHaveTextAsync("Số phòng nghỉ phải là một số từ 1 đến 5000.");
        await Expect(card.GetByLabel("Địa điểm tổ chức")).ToHaveValueAsync("Hội trường Tỉnh ủy");
        await Browse.ScreenshotAsync(page, "province-confirm-invalid-vi-phone");
        Assert.Equal(HostingRequestStatus.Pending, (await Request(code, requestId)).Status);

        await card.GetByLabel("Số phòng nghỉ").FillAsync("40");
        await card.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đăng cai" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xác nhận đăng cai");
        await Expect(page.Locator($"tr[data-request='{requestId}']")).ToHaveAttributeAsync("data-status", "Confirmed");
        await Expect(page.Locator($"section[data-request='{requestId}']")).ToHaveCountAsync(0);
        await Browse.ScreenshotAsync(page, "province-confirmed-vi-phone");

        var answered = await Request(code, requestId);
        Assert.Equal(HostingRequestStatus.Confirmed, answered.Status);
        Assert.Equal(new HostingConfirmation("Hội trường Tỉnh ủy", 40, "Nhà khách Tỉnh ủy", "Xe đưa đón từ sân bay", "Văn phòng Ban Tổ chức Tỉnh ủy, 0292 3820 000"), answered.Confirmation);
    }

    [Fact]
    public async Task A_province_declines_hosting_with_a_reason_and_not_without_one()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var (course, pending) = (await TestCycles.AwaitingHostAsync(fixture.Grains, plan))[0];
        var code = course.HostProvince!;
        var requestId = pending.Request.RequestId;
        var page = await fixture.NewPageAsync();

        await Browse.SignInAsync(page, $"province-{code}");
        var card = page.Locator($"section[data-request='{requestId}']");
        await card.GetByRole(AriaRole.Button, new() { Name = "Từ chối đăng cai" }).ClickAsync();
        card = page.Locator($"section[data-request='{requestId}']");
        await Expect(card.Locator("[data-field='reason']")).ToHaveTextAsync("Hãy nêu lý do (tối đa 1000 ký tự).");
        Assert.Equal(HostingRequestStatus.Pending, (await Request(code, requestId)).Status);

        await card.GetByLabel("Lý do").FillAsync("Hội trường đang sửa chữa trong thời gian này.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Từ chối đăng cai" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã từ chối đăng cai");
        var row = page.Locator($"tr[data-request='{requestId}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "Declined");
        await Expect(row).ToContainTextAsync("Hội trường đang sửa chữa trong thời gian này.");
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "province-declined-vi");

        var answered = await Request(code, requestId);
        Assert.Equal(HostingRequestStatus.Declined, answered.Status);
        Assert.Equal("Hội trường đang sửa chữa trong thời gian này.", answered.DeclineReason);
    }

    [Fact]
    public async Task A_province_nominates_trainees_up_to_its_quota_and_the_grain_refuses_the_next_one()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var course = plan.Courses.First(c => c.Status == Grains.Courses.CourseStatus.Published);
        const string code = "can-tho";
        var page = await fixture.NewPageAsync(phone: true);
        await Browse.SignInAsync(page, $"province-{code}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cử học viên" }).ClickAsync();

        var card = page.Locator($"section[data-course='{course.Id}']");
        await Expect(card.Locator("[data-nominated]")).ToHaveTextAsync($"0/{course.QuotaPerProvince}");
        await card.GetByRole(AriaRole.Button, new() { Name = "Cử học viên" }).ClickAsync();
        card = page.Locator($"section[data-course='{course.Id}']");
        await Expect(card.Locator("[data-field='fullName']")).ToHaveTextAsync("Hãy nhập họ và tên (tối đa 200 ký tự).");
        await Browse.AssertAccessibleAsync(page);

        for (var i = 1; i <= course.QuotaPerProvince; i++)
        {
            card = page.Locator($"section[data-course='{course.Id}']");
            await card.GetByLabel("Họ và tên").FillAsync($"Nguyễn Văn {i}");
            await card.GetByLabel("Chức vụ").SelectOptionAsync("DeputyHead");
            await card.GetByLabel("Đơn vị").FillAsync("Ban Tổ chức Thành ủy Cần Thơ");
            await card.GetByRole(AriaRole.Button, new() { Name = "Cử học viên" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã cử Nguyễn Văn {i}");
        }

        card = page.Locator($"section[data-course='{course.Id}']");
        await Expect(card.Locator("[data-nominated]")).ToHaveTextAsync($"{course.QuotaPerProvince}/{course.QuotaPerProvince}");
        await card.GetByLabel("Họ và tên").FillAsync("Trần Thị Thừa");
        await card.GetByRole(AriaRole.Button, new() { Name = "Cử học viên" }).ClickAsync();
        card = page.Locator($"section[data-course='{course.Id}']");
        await Expect(card.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Không thể cử thêm: tỉnh đã đủ chỉ tiêu của lớp.");
        await Browse.ScreenshotAsync(page, "province-nominations-vi-phone");

        var trainees = (await fixture.Grains.GetGrain<Grains.Courses.ICourseGrain>(course.Id).GetAsync()).Trainees.Where(t => t.ProvinceCode == code).ToList();
        Assert.Equal(course.QuotaPerProvince, trainees.Count);
        Assert.All(trainees, t => Assert.Equal(Grains.Courses.TraineePosition.DeputyHead, t.Trainee.Position));
        Assert.DoesNotContain(trainees, t => t.Trainee.FullName == "Trần Thị Thừa");
    }

    private Task<HostingRequestView> Request(string code, string requestId) =>
        fixture.Grains.GetGrain<IProvinceGrain>(code).GetHostingRequestAsync(requestId);
}
