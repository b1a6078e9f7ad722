using OrleansTraining.Grains.Common.Audit;

namespace OrleansTraining.Grains.Lecturers;

/// <summary>The grain's audit trail (see <see cref="AuditedGrain"/>).</summary>
public sealed partial class LecturerGrain
{
    private protected override IAuditedState<object> AuditedState => state.State;

    private protected override void EnsureAuditable() => EnsureExists();
}
