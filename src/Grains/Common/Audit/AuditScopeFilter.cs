namespace OrleansTraining.Grains.Common.Audit;

/// <summary>
/// Opens an <see cref="AuditScope"/> for each incoming grain call (being async, the scope ends with the call), with the
/// audited grain's <see cref="AuditFeed"/>.
/// </summary>
internal sealed class AuditScopeFilter(TimeProvider time) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        // A timer tick names no domain method; the audit takes the method that wrote instead (see AuditTrail).
        var operation = context.InterfaceName.Contains("IGrainTimerInvoker", StringComparison.Ordinal) ? "" : Trim(context.MethodName);
        var feed = (context.TargetContext.GrainInstance as IAuditFeedSource)?.AuditFeed;
        AuditScope.Current = new AuditScope(context.TargetId.ToString(), operation, time) { Feed = feed };
        feed?.Resume();
        await context.Invoke();
    }

    public static string Trim(string method) =>
        method.EndsWith("Async", StringComparison.Ordinal) ? method[..^"Async".Length] : method;
}
