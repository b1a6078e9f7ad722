using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Notifications;

namespace OrleansTraining.Grains.Tests;

/// <summary>Inboxes: one notification per event however often it arrives, read state per item, and what the cycle sends.</summary>
public sealed class NotificationInboxTests
{
    private static Notification Note(string id, DateTimeOffset at) =>
        new(id, NotificationKind.Offer, $"Thông báo {id}", $"Notification {id}", "/lecturer/x", at);

    [Fact]
    public async Task The_same_notification_delivered_twice_is_one_and_reading_it_marks_only_it()
    {
        await using var silo = await GrainWorld.StartAsync();
        var inbox = silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Lecturer("inbox-" + GrainWorld.Suffix()));
        var at = silo.Time.GetUtcNow();
        await inbox.ReceiveAsync(Note("n1", at));
        await inbox.ReceiveAsync(Note("n1", at.AddMinutes(5)));
        await inbox.ReceiveAsync(Note("n2", at.AddMinutes(1)));
        await inbox.ReceiveAsync(Note("n3", at.AddMinutes(2)));

        var page = await inbox.ListAsync(0, 10);
        Assert.Equal(3, page.Total);
        Assert.Equal(3, page.Unread);
        Assert.Equal(["n3", "n2", "n1"], page.Items.Select(i => i.Id));
        Assert.All(page.Items, i => Assert.Equal(MailStatus.None, i.Mail));

        var read = await inbox.MarkReadAsync("n3");
        Assert.True(read.Read);
        await inbox.MarkReadAsync("n3");
        page = await inbox.ListAsync(0, 10);
        Assert.Equal(2, page.Unread);
        Assert.Equal(["n2", "n1", "n3"], page.Items.Select(i => i.Id)); // unread first
        Assert.Equal(["n1"], (await inbox.ListAsync(1, 1)).Items.Select(i => i.Id));

        await Assert.ThrowsAsync<NotFoundException>(() => inbox.MarkReadAsync("nope"));
        await Assert.ThrowsAsync<DomainValidationException>(() => inbox.ListAsync(0, 0));
        Assert.Equal(2, await inbox.MarkAllReadAsync());
        Assert.Equal(0, await inbox.GetUnreadCountAsync());
        Assert.Equal(0, await inbox.MarkAllReadAsync());

        // A repeat after reading leaves it read.
        await inbox.ReceiveAsync(Note("n2", at));
        Assert.Equal(0, await inbox.GetUnreadCountAsync());
    }

    [Fact]
    public async Task An_email_address_must_be_one_address()
    {
        await using var silo = await GrainWorld.StartAsync();
        var inbox = silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Province("an-giang-" + GrainWorld.Suffix()));
        var error = await Assert.ThrowsAsync<DomainValidationException>(() => inbox.SetEmailAsync("not an address"));
        Assert.Equal("email", error.Field);
        Assert.Null(await inbox.GetEmailAsync());
        await inbox.SetEmailAsync("  so@an-giang.example  ");
        Assert.Equal("so@an-giang.example", await inbox.GetEmailAsync());
        await inbox.SetEmailAsync("");
        Assert.Null(await inbox.GetEmailAsync());
    }

    [Fact]
    public async Task A_lecturers_email_on_their_record_is_where_their_inbox_mails()
    {
        await using var silo = await GrainWorld.StartAsync();
        var id = "mail-" + GrainWorld.Suffix();
        var lecturer = silo.GrainFactory.GetGrain<ILecturerGrain>(id);
        var bad = await Assert.ThrowsAsync<DomainValidationException>(() =>
            lecturer.CreateAsync(GrainWorld.Lecturer("Lê Thị Thư", "cadre-evaluation") with { Email = "thu at example" }));
        Assert.Equal("email", bad.Field);
        await Assert.ThrowsAsync<NotFoundException>(() => lecturer.GetAsync());

        var view = await lecturer.CreateAsync(GrainWorld.Lecturer("Lê Thị Thư", "cadre-evaluation") with { Email = " thu@hv.example.vn " });
        Assert.Equal("thu@hv.example.vn", view.Email);
        Assert.Equal("thu@hv.example.vn", await silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Lecturer(id)).GetEmailAsync());
    }

    [Fact]
    public async Task Publishing_tells_each_lecturer_of_their_offers_and_the_host_of_its_request_with_links()
    {
        await using var silo = await GrainWorld.StartAsync();
        var (a, _) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var course = (await cycle.GetPlanAsync()).Courses.Single();

        var offers = (await silo.GrainFactory.GetGrain<ILecturerGrain>(a).GetAssignmentsAsync()).Select(x => x.Offer).ToList();
        Assert.NotEmpty(offers);
        var inbox = await silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Lecturer(a)).ListAsync(0, 100);
        Assert.Equal(offers.Select(o => "offer:" + o.AssignmentId).Order(), inbox.Items.Select(i => i.Id).Order());
        Assert.All(inbox.Items, i =>
        {
            Assert.Equal(NotificationKind.Offer, i.Kind);
            Assert.Equal($"/lecturer/{a}", i.Link);
            Assert.Contains("Lời mời giảng", i.TextVi);
            Assert.Contains("Teaching offer", i.TextEn);
        });

        var host = await silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Province(course.HostProvince!)).ListAsync(0, 100);
        var request = Assert.Single(host.Items, i => i.Kind == NotificationKind.HostingRequest);
        Assert.Equal($"/province/{course.HostProvince}", request.Link);
        Assert.Equal("hosting:" + course.HostingRequestId, request.Id);

        // Two days before the answer is due, a lecturer who has not answered is reminded, once.
        var answerBy = offers.Min(o => o.AnswerBy);
        await silo.AdvanceAsync(answerBy - TimeSpan.FromDays(2) + TimeSpan.FromHours(1) - silo.Time.GetUtcNow());
        var reminded = await Until.Async(
            () => silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Lecturer(a)).ListAsync(0, 100),
            p => p.Items.Count(i => i.Kind == NotificationKind.DeadlineSoon) == offers.Count,
            "the lecturer was reminded of each unanswered offer");
        Assert.All(reminded.Items.Where(i => i.Kind == NotificationKind.DeadlineSoon), i => Assert.StartsWith("offer-due:", i.Id));

        // When the deadline passes, the board is told of the escalations.
        await silo.AdvanceAsync(TimeSpan.FromDays(2));
        var board = await Until.Async(
            () => silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Board).ListAsync(0, 100),
            p => p.Items.Any(i => i.Kind == NotificationKind.Escalation),
            "the board was told of the escalation");
        Assert.All(board.Items.Where(i => i.Kind == NotificationKind.Escalation), i => Assert.Equal($"/board/cycles/{GrainWorld.CycleKey}", i.Link));

        // The host has not answered either: three days before its answer is due, it is reminded.
        var hostInbox = silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Province(course.HostProvince!));
        Assert.DoesNotContain((await hostInbox.ListAsync(0, 100)).Items, i => i.Kind == NotificationKind.DeadlineSoon);
        var hosting = (await silo.GrainFactory.GetGrain<Provinces.IProvinceGrain>(course.HostProvince!).GetHostingRequestsAsync())
            .Single(r => r.Request.RequestId == course.HostingRequestId);
        await silo.AdvanceAsync(hosting.Request.AnswerBy - TimeSpan.FromDays(3) + TimeSpan.FromHours(1) - silo.Time.GetUtcNow());
        var due = await Until.Async(
            () => hostInbox.ListAsync(0, 100), p => p.Items.Any(i => i.Kind == NotificationKind.DeadlineSoon), "the host was reminded");
        Assert.Equal("hosting-due:" + course.HostingRequestId, Assert.Single(due.Items, i => i.Kind == NotificationKind.DeadlineSoon).Id);
    }
}
