using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Notifications;

/// <summary>One rule for an e-mail address given for notifications: blank is none, anything else must be one address.</summary>
public static class NotificationEmail
{
    public static string? Clean(string? email, string field)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var address = email.Trim();
        if (address.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            throw new DomainValidationException(field, $"'{email}' is not an e-mail address.");
        }

        return address;
    }
}
