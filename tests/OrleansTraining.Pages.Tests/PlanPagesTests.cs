using System.Globalization;
using Microsoft.Playwright;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Pages.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTraining.Pages.Tests;

/// <summary>
/// The board reads why its plan is as it is (score per constraint, a course's host and start, a session's lecturer)
/// beside a what-if variant compared with it, saves variants, and adopts one; a stale one is refused with a message.
/// </summary>
[Collection(PagesCollection.Name)]
public sealed class PlanPagesTests(PagesFixture fixture)
{
    [Fact]
    public async Task The_board_reads_the_plans_score_and_why_a_course_and_a_session_are_placed_as_they_are()
    {
        var cycleId = await PlannedAsync();
        var cycle = fixture.Grains.GetGrain<ICycleGrain>(cycleId);
        var score = await cycle.GetPlanScoreAsync();
        var course = (await cycle.GetPlanAsync()).Courses.First(c => c.Start is not null);
        var session = course.Sessions.First(s => s.LecturerId is not null);
        var page = await fixture.NewPageAsync();

        await Browse.SignInAsync(page, "board");
        await page.GotoAsync($"/board/cycles/{cycleId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Giải thích kế hoạch và so sánh phương án" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Kế hoạch chu kỳ {cycleId}: giải thích và so sánh phương án");
        await Expect(page.Locator("table[data-score='constraints'] tbody tr")).ToHaveCountAsync(score.Constraints.Length);
        await Expect(page.Locator("[data-score] [data-hard]")).ToHaveTextAsync(score.Score.Hard.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")));
        await Expect(page.Locator("tr[data-constraint='HostRotation'] th")).ToHaveTextAsync("Luân phiên tỉnh đăng cai");
        await Expect(page.Locator("[data-variants='none']")).ToBeVisibleAsync();
        await Browse.AssertAccessibleAsync(page);

        // A course's host and start: the best alternatives with their differences, as the grain explains them.
        var why = await cycle.ExplainCourseAsync(course.Id);
        await page.Locator($"details[data-course='{course.Id}'] summary").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Vì sao? — {course.Title}", Exact = true }).ClickAsync();
        await Expect(page.Locator("#why h3")).ToHaveTextAsync($"Vì sao {course.Title} có tỉnh đăng cai và ngày khai giảng này");
        await Expect(page.Locator("#why [data-current]")).ToContainTextAsync(course.Start!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Expect(page.Locator("#why tr[data-alternative]")).ToHaveCountAsync(why.Alternatives.Length);
        await Expect(page.Locator("#why [data-verdict]")).Not.ToBeEmptyAsync();
        await Browse.AssertAccessibleAsync(page);

        // A session's lecturer, by name.
        var lecturer = (await fixture.Grains.GetGrain<ILecturerGrain>(session.LecturerId!).GetAsync()).FullName;
        await page.GetByRole(AriaRole.Link, new() { Name = $"Vì sao? — {course.Title}, Buổi {session.SessionId}", Exact = true }).ClickAsync();
        await Expect(page.Locator("#why h3")).ToHaveTextAsync($"Vì sao buổi {session.SessionId} của {course.Title} có giảng viên này");
        await Expect(page.Locator("#why [data-current]")).ToContainTextAsync(lecturer);
        var sessionWhy = await cycle.ExplainSessionAsync(course.Id, session.SessionId);
        await Expect(page.Locator("#why tr[data-alternative]")).ToHaveCountAsync(sessionWhy.Alternatives.Length);
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "board-plan-why-vi");

        var unknown = await page.GotoAsync($"/board/cycles/{cycleId}/plan?course={cycleId}-c99");
        Assert.Equal(404, unknown!.Status);
        await Expect(page.Locator("#why [role='alert']")).ToHaveTextAsync("Không tìm thấy lớp hoặc buổi này trong kế hoạch.");
        Assert.Equal(404, (await page.GotoAsync("/board/cycles/1999-2000/plan"))!.Status);

        // A cycle not planned yet has nothing to explain: the page says so instead of a score.
        await page.GotoAsync($"/board/cycles/{await TestCycles.DraftAsync(fixture.Grains)}/plan");
        await Expect(page.Locator("[data-plan='none']")).ToHaveTextAsync("Chu kỳ chưa có kế hoạch: hãy lập kế hoạch trên trang chu kỳ trước.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lập và lưu phương án" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_board_saves_variants_compares_one_beside_an_explanation_adopts_it_and_a_stale_one_is_refused()
    {
        var cycleId = await PlannedAsync();
        var cycle = fixture.Grains.GetGrain<ICycleGrain>(cycleId);
        var plan = await cycle.GetPlanAsync();
        var course = plan.Courses.First(c => c.Start is not null);
        var removed = course.Sessions.First(s => s.LecturerId is not null).LecturerId!;
        var page = await fixture.NewPageAsync();
        await Browse.SignInAsync(page, "board");
        await page.GotoAsync($"/board/cycles/{cycleId}/plan");

        // The grain refuses a name that is no slug; the page says so beside the name and saves nothing.
        await page.GetByLabel("Tên phương án").FillAsync("Phương án 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập và lưu phương án" }).ClickAsync();
        await Expect(page.Locator("[data-field='name']")).ToHaveTextAsync("Hãy nhập tên phương án: chữ thường không dấu, số và dấu gạch ngang (tối đa 100 ký tự).");
        await Expect(page.GetByLabel("Tên phương án")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Tên phương án")).ToHaveValueAsync("Phương án 1");
        Assert.Empty(await cycle.GetVariantsAsync());
        await Browse.AssertAccessibleAsync(page);

        // A variant with other weights, then one without a lecturer: each lands on its comparison.
        await page.GetByLabel("Tên phương án").FillAsync("luan-phien-manh");
        await page.GetByLabel("Luân phiên tỉnh đăng cai").FillAsync("5000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập và lưu phương án" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu phương án luan-phien-manh");
        Assert.Equal(5000, (await cycle.GetVariantsAsync()).Single().Spec.Weights!.HostRotation);

        await page.GetByLabel("Tên phương án").FillAsync("bo-giang-vien");
        await page.GetByLabel("Bỏ một giảng viên khỏi kế hoạch").SelectOptionAsync(removed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lập và lưu phương án" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu phương án bo-giang-vien");
        await Expect(page).ToHaveURLAsync(new Uri(fixture.Gateway.Address, $"/board/cycles/{cycleId}/plan?variant=bo-giang-vien#comparison").ToString());
        var comparison = await cycle.CompareVariantAsync("bo-giang-vien");
        Assert.Contains(comparison.Moves, m => m.Kind == "Lecturer" && m.Current == removed);
        await Expect(page.Locator("#comparison h2")).ToHaveTextAsync("So sánh phương án bo-giang-vien với kế hoạch hiện tại");
        await Expect(page.Locator("#comparison tr[data-move]")).ToHaveCountAsync(comparison.Moves.Length);
        var removedName = (await fixture.Grains.GetGrain<ILecturerGrain>(removed).GetAsync()).FullName;
        await Expect(page.Locator("#comparison tr[data-move='Lecturer']").First).ToContainTextAsync(removedName);
        await Expect(page.Locator("tr[data-variant]")).ToHaveCountAsync(2);
        await Expect(page.Locator("tr[data-variant='bo-giang-vien']")).ToHaveAttributeAsync("data-stale", "false");

        // The explanation of a course and the comparison side by side.
        await page.Locator($"details[data-course='{course.Id}'] summary").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Vì sao? — {course.Title}", Exact = true }).ClickAsync();
        await Expect(page.Locator("#why h3")).ToContainTextAsync(course.Title);
        await Expect(page.Locator("#comparison tr[data-move]")).ToHaveCountAsync(comparison.Moves.Length);
        var why = await page.Locator("#why").BoundingBoxAsync();
        var compared = await page.Locator("#comparison").BoundingBoxAsync();
        Assert.True(compared!.X > why!.X + why.Width - 1, "On a desktop the explanation and the comparison stand side by side.");
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "board-plan-compare-vi");

        // Adopting makes the variant the plan; the other variant, made from the old plan, is now stale and refused.
        await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng phương án bo-giang-vien làm kế hoạch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã áp dụng phương án bo-giang-vien làm kế hoạch.");
        Assert.DoesNotContain((await cycle.GetPlanAsync()).Courses.SelectMany(c => c.Sessions), s => s.LecturerId == removed);
        await Expect(page.Locator("tr[data-variant='luan-phien-manh']")).ToHaveAttributeAsync("data-stale", "true");

        var before = await cycle.GetPlanAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "So sánh phương án luan-phien-manh" }).ClickAsync();
        await Expect(page.Locator("#comparison [data-stale]")).ToHaveAttributeAsync("data-stale", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng phương án luan-phien-manh làm kế hoạch" }).ClickAsync();
        await Expect(page.Locator("#comparison [role='alert']")).ToHaveTextAsync(
            "Không áp dụng được: phương án được lập trước khi kế hoạch thay đổi lần cuối. Hãy lập lại phương án (cùng tên) rồi áp dụng.");
        Assert.Equal(
            before.Courses.SelectMany(c => c.Sessions).Select(s => s.LecturerId),
            (await cycle.GetPlanAsync()).Courses.SelectMany(c => c.Sessions).Select(s => s.LecturerId));
        Assert.NotEqual(5000, (await cycle.GetPlanScoreAsync()).Weights.HostRotation);
        await Browse.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_plan_page_reads_in_English_at_phone_width_and_other_roles_get_403()
    {
        var cycleId = await PlannedAsync();
        var cycle = fixture.Grains.GetGrain<ICycleGrain>(cycleId);
        await cycle.SaveVariantAsync("khong-ha-noi", new VariantSpec(null, null, "ha-noi", []));
        var page = await fixture.NewPageAsync(phone: true);
        await Browse.SignInAsync(page, "board");
        await page.GotoAsync($"/board/cycles/{cycleId}/plan?variant=khong-ha-noi");
        await Browse.SwitchToEnglishAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Cycle {cycleId} plan: explanations and what-if variants");
        await Expect(page.Locator("#comparison h2")).ToHaveTextAsync("Variant khong-ha-noi beside the current plan");
        await Expect(page.Locator("tr[data-variant='khong-ha-noi']")).ToContainTextAsync("Hanoi unavailable for the whole cycle");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The current plan's score" })).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page is {width}px wide at phone width: it must not scroll sideways.");
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "board-plan-en-phone");

        var province = await fixture.NewPageAsync();
        await Browse.SignInAsync(province, "province-hue");
        Assert.Equal(403, (await province.GotoAsync($"/board/cycles/{cycleId}/plan"))!.Status);
        await province.GotoAsync("/province/hue");
        var token = await province.Locator("input[name='__RequestVerificationToken']").First.InputValueAsync();
        var form = province.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token);
        var adopt = await province.APIRequest.PostAsync($"/board/cycles/{cycleId}/plan?handler=Adopt&name=khong-ha-noi", new() { Form = form, MaxRedirects = 0 });
        Assert.Contains(adopt.Status, new[] { 302, 403 });
        Assert.False((await cycle.GetVariantsAsync()).Single().Stale, "The refused adoption changed the plan.");

        var lecturer = await fixture.NewPageAsync();
        await Browse.SignInAsync(lecturer, "lecturer-l01");
        Assert.Equal(403, (await lecturer.GotoAsync($"/board/cycles/{cycleId}/plan"))!.Status);
    }

    /// <summary>A cycle of the test's own, planned and not published: a variant may be adopted whole.</summary>
    private async Task<string> PlannedAsync()
    {
        var cycleId = await TestCycles.DraftAsync(fixture.Grains);
        var result = await fixture.Grains.GetGrain<ICycleGrain>(cycleId).PlanAsync();
        Assert.Equal(CycleStatus.Planned, result.Status);
        return cycleId;
    }
}
