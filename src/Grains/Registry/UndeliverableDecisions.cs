using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Registry;

/// <summary>Describes a follow-up that no grain could hold, for the board's list (<see cref="IRegistryGrain.RecordUndeliverableAsync"/>).</summary>
internal static class UndeliverableDecisions
{
    public static UndeliverableDecision Of(FollowUp followUp, string why, DateTimeOffset at) => new(
        followUp.Id,
        followUp.Kind,
        followUp.TargetKey,
        followUp.Offer?.Offer.CourseId ?? followUp.Hosting?.Request.CourseId ?? followUp.Escalation?.CourseId ?? "",
        $"{followUp.Kind} {Subject(followUp)}: {why}",
        at);

    private static string Subject(FollowUp f) =>
        f.Offer is { } o ? $"(lecturer {o.LecturerId}, {o.Offer.AssignmentId}, {o.Status})"
        : f.Hosting is { } h ? $"(province {h.ProvinceCode}, {h.Request.RequestId}, {h.Status})"
        : f.Stop is { } s ? $"(province {s.ProvinceCode}, stop {s.StopNumber}, {(s.Confirmation is null ? "declined" : "confirmed")})"
        : f.Escalation is { } e ? $"({e.Kind}, {e.SubjectKey}: {e.Detail})"
        : $"({f.Id})";
}
