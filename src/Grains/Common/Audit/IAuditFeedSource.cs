namespace OrleansTraining.Grains.Common.Audit;

/// <summary>An audited grain: <see cref="AuditScopeFilter"/> hands its feed to the state writes of each call.</summary>
internal interface IAuditFeedSource
{
    AuditFeed AuditFeed { get; }
}
