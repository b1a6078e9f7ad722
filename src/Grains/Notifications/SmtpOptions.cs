namespace OrleansTraining.Grains.Notifications;

/// <summary>The SMTP server notifications are mailed through (configuration section "Smtp"); no host, no mail.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The sender, e.g. <c>"Ban đào tạo &lt;daotao@example.vn&gt;"</c> or a bare address.</summary>
    public string? From { get; set; }

    /// <summary>Signs in when set (with <see cref="Password"/>).</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    /// <summary>How long one send may take before it counts as failed and is tried again later.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>What mails link to and where the board's mail goes (configuration section "Notifications").</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>The site's public address; a mail's link is this plus the notification's page.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Where the board's notifications are mailed (the board has no record of its own to hold it).</summary>
    public string? BoardEmail { get; set; }
}
