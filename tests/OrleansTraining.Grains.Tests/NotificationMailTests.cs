using Microsoft.Extensions.Configuration;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Notifications;

namespace OrleansTraining.Grains.Tests;

/// <summary>Mail through a real SMTP server on loopback: one mail per notification, and an outage only delays it.</summary>
public sealed class NotificationMailTests
{
    private const string BaseUrl = "https://daotao.example.vn";

    private static Task<GrainCluster> StartAsync(int smtpPort) => GrainCluster.StartAsync(configure: builder =>
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "Ban dao tao <daotao@example.vn>",
            ["Smtp:Security"] = "None",
            ["Smtp:Timeout"] = "00:00:05",
            ["Notifications:BaseUrl"] = BaseUrl,
        })));

    [Fact]
    public async Task An_offer_reaches_the_lecturer_by_mail_once_with_the_link_to_answer_it()
    {
        using var sink = new SmtpSink(SmtpSink.FreePort());
        await sink.StartAsync();
        await using var silo = await StartAsync(sink.Port);
        var (a, b) = await GrainWorld.BuildSmallWorldAsync(silo.GrainFactory);
        var address = $"{a}@truong.example.vn";
        await silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Lecturer(a)).SetEmailAsync(address);
        var cycle = silo.GrainFactory.GetGrain<ICycleGrain>(GrainWorld.CycleKey);
        await cycle.PlanAsync();
        await cycle.PublishAsync();
        var offers = await silo.GrainFactory.GetGrain<ILecturerGrain>(a).GetAssignmentsAsync();
        Assert.NotEmpty(offers);

        var inbox = silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Lecturer(a));
        await Until.Async(() => inbox.ListAsync(0, 100), p => p.Items.All(i => i.Mail == MailStatus.Sent), "every mail was accepted");
        await Task.Delay(1000); // a duplicate would have arrived by now
        var mails = sink.Messages();
        Assert.Equal(offers.Length, mails.Count);
        Assert.All(mails, m =>
        {
            Assert.Equal(address, Assert.Single(m.To.Mailboxes).Address);
            Assert.Contains(address, m.Headers["X-RcptTo"]);
            Assert.Contains($"{BaseUrl}/lecturer/{a}", m.TextBody);
            Assert.Contains("Lời mời giảng", m.TextBody);
            Assert.EndsWith("@daotao.example.vn", m.MessageId);
        });
        Assert.Equal(mails.Count, mails.Select(m => m.MessageId).Distinct().Count());

        // Lecturer b has no address: in-app only, no mail.
        var others = await silo.GrainFactory.GetGrain<INotificationInboxGrain>(NotificationRecipients.Lecturer(b)).ListAsync(0, 100);
        Assert.NotEmpty(others.Items);
        Assert.All(others.Items, i => Assert.Equal(MailStatus.NoAddress, i.Mail));
    }

    [Fact]
    public async Task Mail_waits_out_an_smtp_outage_and_arrives_once_when_the_server_is_back()
    {
        using var sink = new SmtpSink(SmtpSink.FreePort());
        await using var silo = await StartAsync(sink.Port);
        var key = NotificationRecipients.Province("ha-noi-" + GrainWorld.Suffix());
        var inbox = silo.GrainFactory.GetGrain<INotificationInboxGrain>(key);
        await inbox.SetEmailAsync("so-gd@ha-noi.example.vn");
        await inbox.ReceiveAsync(new Notification(
            "hosting:test-1", NotificationKind.HostingRequest, "Đề nghị đăng cai thử", "Test hosting request", "/province/ha-noi", silo.Time.GetUtcNow()));

        // The server is down: the mail stays pending and is tried again later.
        var pending = await Until.Async(
            () => inbox.ListAsync(0, 10), p => p.Items.Single().Mail == MailStatus.Pending && p.Items.Single().Read == false, "the mail is pending");
        await Task.Delay(2000);
        Assert.Equal(MailStatus.Pending, (await inbox.ListAsync(0, 10)).Items.Single().Mail);

        await sink.StartAsync();
        await silo.AdvanceAsync(NotificationInboxGrain.MaxBackoff + TimeSpan.FromMinutes(2));
        await Until.Async(() => inbox.ListAsync(0, 10), p => p.Items.Single().Mail == MailStatus.Sent, "the mail was sent after the outage", TimeSpan.FromSeconds(60));
        await Task.Delay(1000);
        var mail = Assert.Single(sink.Messages());
        Assert.Equal("so-gd@ha-noi.example.vn", mail.To.Mailboxes.Single().Address);
        Assert.Contains($"{BaseUrl}/province/ha-noi", mail.TextBody);
        Assert.Equal(NotificationInboxGrain.MessageId(key, "hosting:test-1", "daotao.example.vn"), mail.MessageId);
        Assert.Single(pending.Items);
    }
}
