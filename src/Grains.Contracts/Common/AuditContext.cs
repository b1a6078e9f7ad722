namespace OrleansTraining.Grains.Common;

/// <summary>
/// The keys under which the gateway puts the caller and the request id into Orleans' <c>RequestContext</c>. Orleans
/// carries them with every grain call the request causes (one-way follow-ups and deliveries included), so each state
/// change that request causes is attributed to it. A change with none of them (a timer, a reminder) is the system's.
/// </summary>
public static class AuditContext
{
    /// <summary>The account name (the token's subject).</summary>
    public const string Actor = "ot.audit.actor";

    /// <summary>The account's role: board, province or lecturer.</summary>
    public const string Role = "ot.audit.role";

    /// <summary>The province code or lecturer id the account acts for; absent for the board.</summary>
    public const string ActsFor = "ot.audit.actsFor";

    /// <summary>The gateway's request id (W3C trace id when tracing is on), also sent back as <c>X-Request-Id</c>.</summary>
    public const string RequestId = "ot.audit.requestId";

    /// <summary>The actor and role of a change no caller asked for.</summary>
    public const string System = "system";
}
