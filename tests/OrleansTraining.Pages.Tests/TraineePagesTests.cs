using System.Globalization;
using Microsoft.Playwright;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Pages.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTraining.Pages.Tests;

/// <summary>
/// The whole cycle's last steps in the browser: a trainee's page through their personal link with the materials once
/// open, the single-use evaluation form, and the attendance sheet of the board and the host province.
/// </summary>
[Collection(PagesCollection.Name)]
public sealed class TraineePagesTests(PagesFixture fixture)
{
    [Fact]
    public async Task A_trainee_sees_their_course_and_downloads_the_materials_once_they_open_in_Vietnamese_then_English()
    {
        try
        {
            var course = await HeldCourses.NominatedAsync(fixture.Grains);
            var material = await HeldCourses.UploadAsync(fixture.Grains, course, "tai-lieu-doc-truoc.pdf");
            var link = (await fixture.Grains.GetGrain<ICourseGrain>(course.Id).IssueTraineeLinksAsync(null)).Single(l => l.ProvinceCode == "hue");
            var page = await fixture.NewPageAsync(phone: true);

            await page.GotoAsync($"/trainee/{link.Token}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(course.Title);
            await Expect(page.GetByText("Xin chào Nguyễn Văn An")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-venue]")).ToHaveTextAsync("Hội trường Tỉnh ủy");
            await Expect(page.Locator("tr[data-session]")).ToHaveCountAsync(course.Sessions.Length);
            var opens = course.MaterialsDueBy!.Value;
            await Expect(page.Locator("[data-materials='closed']")).ToHaveTextAsync($"Tài liệu sẽ mở cho học viên từ ngày {opens.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.");
            await Expect(page.Locator("[data-material]")).ToHaveCountAsync(0);
            await Browse.AssertAccessibleAsync(page);
            await Browse.ScreenshotAsync(page, "trainee-before-materials-vi");

            HeldCourses.OnDay(fixture, opens);
            await page.ReloadAsync();
            var file = page.GetByRole(AriaRole.Link, new() { Name = "tai-lieu-doc-truoc.pdf" });
            await Expect(file).ToBeVisibleAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => file.ClickAsync());
            Assert.Equal("tai-lieu-doc-truoc.pdf", download.SuggestedFilename);
            Assert.Equal(HeldCourses.Pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));
            await Expect(page.Locator($"[data-material='{material.Id}']")).ToBeVisibleAsync();
            await Browse.AssertAccessibleAsync(page);
            await Browse.ScreenshotAsync(page, "trainee-materials-vi");

            await Browse.SwitchToEnglishAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Course materials" })).ToBeVisibleAsync();
            await Expect(page.GetByText("Hello Nguyễn Văn An")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "tai-lieu-doc-truoc.pdf" })).ToBeVisibleAsync();
            await Browse.AssertAccessibleAsync(page);
            await Browse.ScreenshotAsync(page, "trainee-materials-en");

            var wrong = await page.GotoAsync($"/trainee/{course.Id}.not-a-real-secret");
            Assert.Equal(404, wrong!.Status);
        }
        finally
        {
            fixture.Gateway.Clock.Reset();
        }
    }

    [Fact]
    public async Task A_trainee_rates_every_session_once_and_a_second_submission_is_refused_with_a_clear_message()
    {
        try
        {
            var course = await HeldCourses.HeldAsync(fixture);
            var token = (await fixture.Grains.GetGrain<ICourseGrain>(course.Id).IssueEvaluationLinksAsync())[0].Token;
            var page = await fixture.NewPageAsync();
            var second = await fixture.NewPageAsync();
            await second.GotoAsync($"/evaluate/{token}");

            await page.GotoAsync($"/evaluate/{token}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Phiếu đánh giá lớp bồi dưỡng");
            var sessions = page.Locator("fieldset[data-session]");
            await Expect(sessions).ToHaveCountAsync(course.Sessions.Length);
            await Browse.AssertAccessibleAsync(page);
            await Browse.ScreenshotAsync(page, "evaluation-form-vi");

            // Only the first session's content rated: every other score is named inline, nothing is recorded.
            await sessions.First.GetByRole(AriaRole.Group, new() { Name = "Nội dung" }).GetByLabel("4", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi phiếu đánh giá" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Phiếu chưa đủ: hãy xem các ô được đánh dấu bên dưới.");
            await Expect(page.Locator("[data-field='ratings[0].content']")).ToHaveCountAsync(0);
            await Expect(page.Locator("[data-field='ratings[0].method']")).ToHaveTextAsync("Hãy chọn một điểm từ 1 đến 5.");
            await Expect(page.Locator("p.field-error")).ToHaveCountAsync(course.Sessions.Length * 3 - 1);
            await Expect(sessions.First.GetByRole(AriaRole.Group, new() { Name = "Nội dung" }).GetByLabel("4", new() { Exact = true })).ToBeCheckedAsync();
            Assert.Empty((await fixture.Grains.GetGrain<ICourseGrain>(course.Id).GetAsync()).Evaluations);
            await Browse.AssertAccessibleAsync(page);
            await Browse.ScreenshotAsync(page, "evaluation-form-errors-vi");

            for (var i = 0; i < course.Sessions.Length; i++)
            {
                var session = sessions.Nth(i);
                foreach (var (criterion, score) in new[] { ("Nội dung", "5"), ("Phương pháp", "4"), ("Tính thiết thực", "3") })
                {
                    await session.GetByRole(AriaRole.Group, new() { Name = criterion }).GetByLabel(score, new() { Exact = true }).CheckAsync();
                }
            }

            await sessions.First.GetByLabel("Nhận xét (không bắt buộc)").FillAsync("Sát thực tế công tác tổ chức");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi phiếu đánh giá" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cảm ơn bạn đã gửi phiếu đánh giá. Phiếu đã được ghi nhận.");
            var evaluations = (await fixture.Grains.GetGrain<ICourseGrain>(course.Id).GetAsync()).Evaluations;
            Assert.Equal(course.Sessions.Length, evaluations.Length);
            Assert.All(evaluations, e => Assert.Equal((5, 4, 3), (e.Content, e.Method, e.Usefulness)));
            Assert.Equal("Sát thực tế công tác tổ chức", evaluations.Single(e => e.SessionId == course.Sessions[0].SessionId).Comment);
            await Browse.ScreenshotAsync(page, "evaluation-thanks-vi");

            // The same form, opened earlier in another tab, is refused: the link has been used.
            var form = second.Locator("fieldset[data-session]");
            for (var i = 0; i < course.Sessions.Length; i++)
            {
                foreach (var criterion in new[] { "Nội dung", "Phương pháp", "Tính thiết thực" })
                {
                    await form.Nth(i).GetByRole(AriaRole.Group, new() { Name = criterion }).GetByLabel("1", new() { Exact = true }).CheckAsync();
                }
            }

            var refused = await second.RunAndWaitForResponseAsync(
                () => second.GetByRole(AriaRole.Button, new() { Name = "Gửi phiếu đánh giá" }).ClickAsync(), r => r.Request.Method == "POST");
            Assert.Equal(409, refused.Status);
            await Expect(second.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Phiếu đánh giá này đã được gửi. Mỗi đường dẫn chỉ dùng được một lần.");
            Assert.Equal(course.Sessions.Length, (await fixture.Grains.GetGrain<ICourseGrain>(course.Id).GetAsync()).Evaluations.Length);
            await Browse.AssertAccessibleAsync(second);
            await Browse.ScreenshotAsync(second, "evaluation-used-vi");

            var again = await page.GotoAsync($"/evaluate/{token}");
            Assert.Equal(409, again!.Status);
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("đã được gửi");
        }
        finally
        {
            fixture.Gateway.Clock.Reset();
        }
    }

    [Fact]
    public async Task The_board_saves_a_days_attendance_on_the_sheet_and_sees_it_saved_another_province_is_refused()
    {
        try
        {
            var course = await HeldCourses.HeldAsync(fixture);
            var first = course.Start!.Value;
            var day = first.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            var present = course.Trainees[0];
            var page = await fixture.NewPageAsync();
            await Browse.SignInAsync(page, "board");
            await page.GotoAsync($"/board/cycles/{course.CycleId}");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Điểm danh — {course.Title}" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Điểm danh: {course.Title}");
            await Expect(page.Locator("tr[data-trainee]")).ToHaveCountAsync(2);
            await Expect(page.Locator("thead th[data-day]")).ToHaveCountAsync(HeldCourses.Days(course).Length);
            await Browse.AssertAccessibleAsync(page);
            await Browse.ScreenshotAsync(page, "attendance-sheet-vi");

            await page.GetByLabel($"{present.Trainee.FullName} có mặt ngày {day}").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = $"Lưu ngày {day}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã lưu điểm danh ngày {day}: 1/2 học viên có mặt.");
            await page.ReloadAsync();
            await Expect(page.GetByLabel($"{present.Trainee.FullName} có mặt ngày {day}")).ToBeCheckedAsync();
            await Expect(page.GetByLabel($"{course.Trainees[1].Trainee.FullName} có mặt ngày {day}")).Not.ToBeCheckedAsync();
            await Expect(page.Locator($"th[data-day='{first:yyyy-MM-dd}'] [data-recorded]")).ToBeVisibleAsync();
            var saved = (await fixture.Grains.GetGrain<ICourseGrain>(course.Id).GetAsync()).Attendance.Single();
            Assert.Equal(first, saved.Day);
            Assert.Equal([present.TraineeId], saved.PresentTraineeIds.ToArray());
            await Browse.AssertAccessibleAsync(page);
            await Browse.ScreenshotAsync(page, "attendance-saved-vi");

            // A day not come yet is refused inline and changes nothing.
            if (course.End!.Value > first)
            {
                var later = course.End.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
                await page.GetByRole(AriaRole.Button, new() { Name = $"Lưu ngày {later}" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("chưa đến");
                Assert.Single((await fixture.Grains.GetGrain<ICourseGrain>(course.Id).GetAsync()).Attendance);
            }

            // The host province may take it too; another province lands on the denied page.
            var host = await fixture.NewPageAsync();
            await Browse.SignInAsync(host, $"province-{course.HostProvince}");
            await host.GotoAsync($"/province/{course.HostProvince}");
            await host.Locator($"tr[data-request='{course.HostingRequestId}']").GetByRole(AriaRole.Link, new() { Name = "Điểm danh" }).ClickAsync();
            await Expect(host.GetByLabel($"{present.Trainee.FullName} có mặt ngày {day}")).ToBeCheckedAsync();
            var other = await fixture.NewPageAsync();
            await Browse.SignInAsync(other, course.HostProvince == "ha-noi" ? "province-hue" : "province-ha-noi");
            await other.GotoAsync($"/board/courses/{course.Id}/attendance");
            await Expect(other).ToHaveURLAsync(Browse.DeniedUrl());
        }
        finally
        {
            fixture.Gateway.Clock.Reset();
        }
    }
}
