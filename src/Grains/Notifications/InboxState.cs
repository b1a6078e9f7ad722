using System.Collections.Immutable;

namespace OrleansTraining.Grains.Notifications;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ot.InboxState")]
public sealed record InboxState
{
    public ImmutableArray<InboxItem> Items { get; init; } = [];

    public string? Email { get; init; }

    /// <summary>Ids of notifications dropped by <see cref="InboxBounds"/>, oldest first: a repeat of one is not new.</summary>
    public ImmutableArray<string> Forgotten { get; init; } = [];
}

/// <summary>A notification, whether it was read, and its mail: pending mail is the durable outbox.</summary>
[GenerateSerializer, Immutable, Alias("ot.InboxItem")]
public sealed record InboxItem(
    Notification Notification,
    DateTimeOffset? ReadAt,
    MailStatus Mail,
    int MailAttempts = 0,
    DateTimeOffset? NextMailAt = null,
    DateTimeOffset? MailedAt = null);
