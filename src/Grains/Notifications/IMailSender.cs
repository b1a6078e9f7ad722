namespace OrleansTraining.Grains.Notifications;

/// <summary>One mail to send; <see cref="MessageId"/> is the same every time the same notification is sent.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string MessageId);

/// <summary>Hands mail to the SMTP server; throws when the server did not accept it.</summary>
public interface IMailSender
{
    bool IsConfigured { get; }

    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
