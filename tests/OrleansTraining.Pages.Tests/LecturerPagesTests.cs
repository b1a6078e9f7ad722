using System.Globalization;
using Microsoft.Playwright;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Pages.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansTraining.Pages.Tests;

/// <summary>A lecturer sees the sessions offered with dates and places, and accepts or declines with a reason.</summary>
[Collection(PagesCollection.Name)]
public sealed class LecturerPagesTests(PagesFixture fixture)
{
    [Fact]
    public async Task A_lecturer_sees_an_offer_with_its_date_and_place_and_accepts_it()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var offer = (await TestCycles.OffersAsync(fixture.Grains, plan, 1))[0];
        var id = offer.Offer.AssignmentId;
        var page = await fixture.NewPageAsync();

        await Browse.SignInAsync(page, $"lecturer-{offer.LecturerId}");
        await Expect(page).ToHaveURLAsync(new Uri(fixture.Gateway.Address, $"/lecturer/{offer.LecturerId}").ToString());
        var card = page.Locator($"section[data-assignment='{id}']");
        await Expect(card).ToContainTextAsync(offer.Offer.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Expect(card).ToContainTextAsync(ProvinceDirectory.Get(offer.Offer.ProvinceCode).NameVi);
        await Expect(card.Locator("[data-countdown]")).ToContainTextAsync("còn");
        await Browse.AssertAccessibleAsync(page);
        await Browse.ScreenshotAsync(page, "lecturer-offers-vi");

        await card.GetByRole(AriaRole.Button, new() { Name = "Nhận giảng" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã nhận buổi giảng");
        await Expect(page.Locator($"tr[data-assignment='{id}']")).ToHaveAttributeAsync("data-status", "Accepted");
        await Browse.ScreenshotAsync(page, "lecturer-accepted-vi");

        var assignments = await fixture.Grains.GetGrain<ILecturerGrain>(offer.LecturerId).GetAssignmentsAsync();
        Assert.Equal(AssignmentStatus.Accepted, assignments.Single(a => a.Offer.AssignmentId == id).Status);
    }

    [Fact]
    public async Task A_lecturer_answers_several_offers_at_once_and_a_decline_without_reason_changes_none()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var offers = await TestCycles.OffersToOneLecturerAsync(fixture.Grains, plan, 2);
        var lecturerId = offers[0].LecturerId;
        var page = await fixture.NewPageAsync();
        await Browse.SignInAsync(page, $"lecturer-{lecturerId}");

        var many = page.Locator("form#many");
        foreach (var offer in offers)
        {
            await many.Locator($"input[value='{offer.Offer.AssignmentId}']").CheckAsync();
        }

        await many.GetByRole(AriaRole.Button, new() { Name = "Từ chối các buổi đã chọn" }).ClickAsync();
        many = page.Locator("form#many");
        await Expect(many.Locator("[data-field='reason']")).ToHaveTextAsync("Hãy nêu lý do (tối đa 1000 ký tự).");
        await Browse.AssertAccessibleAsync(page);
        Assert.All(await Statuses(lecturerId, offers), status => Assert.Equal(AssignmentStatus.Offered, status));

        // The ticks survive the refusal; accept both.
        foreach (var offer in offers)
        {
            await Expect(many.Locator($"input[value='{offer.Offer.AssignmentId}']")).ToBeCheckedAsync();
        }

        await many.GetByRole(AriaRole.Button, new() { Name = "Nhận các buổi đã chọn" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã nhận 2 buổi giảng.");
        foreach (var offer in offers)
        {
            await Expect(page.Locator($"tr[data-assignment='{offer.Offer.AssignmentId}']")).ToHaveAttributeAsync("data-status", "Accepted");
        }

        await Browse.ScreenshotAsync(page, "lecturer-accepted-many-vi");
        Assert.All(await Statuses(lecturerId, offers), status => Assert.Equal(AssignmentStatus.Accepted, status));
    }

    [Fact]
    public async Task A_lecturer_declines_an_offer_in_English_with_a_reason_and_not_without_one()
    {
        var plan = await TestCycles.PublishedAsync(fixture.Grains);
        var offer = (await TestCycles.OffersAsync(fixture.Grains, plan, 1))[0];
        var id = offer.Offer.AssignmentId;
        var page = await fixture.NewPageAsync();

        await Browse.SignInAsync(page, $"lecturer-{offer.LecturerId}");
        await Browse.SwitchToEnglishAsync(page);
        var card = page.Locator($"section[data-assignment='{id}']");
        await Expect(card).ToContainTextAsync(ProvinceDirectory.Get(offer.Offer.ProvinceCode).NameEn);
        await card.GetByRole(AriaRole.Button, new() { Name = "Decline", Exact = true }).ClickAsync();
        card = page.Locator($"section[data-assignment='{id}']");
        await Expect(card.Locator("[data-field='reason']")).ToHaveTextAsync("Give a reason (at most 1000 characters).");
        await Browse.AssertAccessibleAsync(page);
        var before = await fixture.Grains.GetGrain<ILecturerGrain>(offer.LecturerId).GetAssignmentsAsync();
        Assert.Equal(AssignmentStatus.Offered, before.Single(a => a.Offer.AssignmentId == id).Status);

        await card.GetByLabel("Reason").FillAsync("Teaching abroad that week.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Decline", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("declined");
        await Expect(page.Locator($"tr[data-assignment='{id}']")).ToHaveAttributeAsync("data-status", "Declined");
        await Browse.ScreenshotAsync(page, "lecturer-declined-en");

        var after = await fixture.Grains.GetGrain<ILecturerGrain>(offer.LecturerId).GetAssignmentsAsync();
        var declined = after.Single(a => a.Offer.AssignmentId == id);
        Assert.Equal(AssignmentStatus.Declined, declined.Status);
        Assert.Equal("Teaching abroad that week.", declined.DeclineReason);
    }

    private async Task<List<AssignmentStatus>> Statuses(string lecturerId, IEnumerable<AssignmentView> offers)
    {
        var assignments = await fixture.Grains.GetGrain<ILecturerGrain>(lecturerId).GetAssignmentsAsync();
        return [.. offers.Select(o => assignments.Single(a => a.Offer.AssignmentId == o.Offer.AssignmentId).Status)];
    }
}
