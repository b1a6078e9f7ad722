using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Notifications;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Grains.Lecturers;

public sealed partial class LecturerGrain(
    [PersistentState("lecturer", GrainStorage.Name)] IPersistentState<LecturerState> state,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<DeadlineOptions> deadlines,
    ILogger<LecturerGrain> logger) : AuditedGrain, ILecturerGrain, IRemindable
{
    private const string OfferReminderPrefix = "offer:";

    private FollowUpOutbox? _outbox;

    private string Id => this.GetPrimaryKeyString();

    private FollowUpOutbox Outbox => _outbox ??= new FollowUpOutbox(
        this, GrainFactory, () => state.State.Outbox, id => state.UpdateAsync(s => s with { Outbox = s.Outbox.RemoveAll(f => f.Id == id) }), logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Follow-ups left unacknowledged by an earlier activation (or node) go out again now.
        Outbox.SendNew();
        return Task.CompletedTask;
    }

    public async Task<LecturerView> CreateAsync(NewLecturer lecturer)
    {
        Require.Present(lecturer, "lecturer");
        Require.Slug(Id, "lecturerId");
        var fullName = Require.Text(lecturer.FullName, "fullName", 200);
        var department = Require.Text(lecturer.Department, "department", 200);
        if (lecturer.QualifiedTopics.IsDefaultOrEmpty)
        {
            throw new DomainValidationException("qualifiedTopics", "A lecturer needs at least one qualified topic.");
        }

        var topics = lecturer.QualifiedTopics.Select((t, i) => Require.Slug(t, $"qualifiedTopics[{i}]")).Distinct().ToImmutableArray();
        if (!ProvinceDirectory.Exists(lecturer.HomeProvince))
        {
            throw new DomainValidationException("homeProvince", $"'{lecturer.HomeProvince}' is not a province code.");
        }

        Require.Range(lecturer.MaxSessionsPerCycle, 1, 200, "maxSessionsPerCycle");
        var email = NotificationEmail.Clean(lecturer.Email, "email");
        if (state.RecordExists)
        {
            throw new ConflictException(ConflictRules.AlreadyExists, $"Lecturer '{Id}' already exists.");
        }

        await state.UpdateAsync(s => s with
        {
            FullName = fullName,
            Department = department,
            QualifiedTopics = topics,
            HomeProvince = lecturer.HomeProvince,
            MaxSessionsPerCycle = lecturer.MaxSessionsPerCycle,
            UnavailableDates = Distinct(lecturer.UnavailableDates),
            Email = email,
        });
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).AddLecturerAsync(Id);
        if (email is not null)
        {
            await Inbox.SetEmailAsync(email);
        }
        return View();
    }

    public Task<LecturerView> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public Task<ImmutableArray<AssignmentView>> GetAssignmentsAsync()
    {
        EnsureExists();
        return Task.FromResult(state.Committed().Assignments);
    }

    public async Task ReceiveOfferAsync(TeachingOffer offer)
    {
        EnsureExists();
        Require.Present(offer, "offer");
        if (state.State.Assignments.Any(a => a.Offer.AssignmentId == offer.AssignmentId))
        {
            return;
        }

        var now = time.GetUtcNow();
        await this.RegisterDeadlineAsync(OfferReminderPrefix + offer.AssignmentId, offer.AnswerBy, time);
        await RegisterDueSoonAsync(offer);
        await state.UpdateAsync(s => s with
        {
            Assignments = s.Assignments.Add(new AssignmentView(offer, Id, AssignmentStatus.Offered, null, false, now, null)),
        });
    }

    public async Task WithdrawOfferAsync(string assignmentId, string? reason = null)
    {
        EnsureExists();
        var assignment = state.State.Assignments.FirstOrDefault(a => a.Offer.AssignmentId == assignmentId);
        if (assignment is null || assignment.Status is AssignmentStatus.Declined or AssignmentStatus.Withdrawn)
        {
            return;
        }

        // The assignment stays in the lecturer's list with the reason: an accepted session never vanishes silently.
        var why = string.IsNullOrWhiteSpace(reason) ? "The board re-planned the session." : reason.Trim();
        var now = time.GetUtcNow();
        await state.UpdateAsync(s => Replace(s, Find(s, assignmentId) with
        {
            Status = AssignmentStatus.Withdrawn,
            WithdrawalReason = why,
            WithdrawnBy = WithdrawalParty.Board,
            WithdrawnAt = now,
        }));
        await this.UnregisterIfPresentAsync(OfferReminderPrefix + assignmentId);
    }

    public async Task ReceiveLogisticsAsync(string assignmentId, HostingConfirmation? logistics)
    {
        EnsureExists();
        var assignment = state.State.Assignments.FirstOrDefault(a => a.Offer.AssignmentId == assignmentId);
        // Set-to-value: a repeat, or logistics for an assignment no longer live, changes nothing.
        if (assignment is null || assignment.Status is not (AssignmentStatus.Offered or AssignmentStatus.Accepted) || assignment.Offer.Logistics == logistics)
        {
            return;
        }

        await state.UpdateAsync(s =>
        {
            var current = Find(s, assignmentId);
            return Replace(s, current with { Offer = current.Offer with { Logistics = logistics } });
        });
    }

    public async Task ReceiveHostChangeAsync(string assignmentId, string provinceCode, string note)
    {
        EnsureExists();
        var assignment = state.State.Assignments.FirstOrDefault(a => a.Offer.AssignmentId == assignmentId);
        if (assignment is null || assignment.Status is not (AssignmentStatus.Offered or AssignmentStatus.Accepted) || assignment.Offer.ProvinceCode == provinceCode)
        {
            return;
        }

        var name = ProvinceDirectory.Exists(provinceCode) ? ProvinceDirectory.Get(provinceCode).NameVi : null;
        await state.UpdateAsync(s =>
        {
            var current = Find(s, assignmentId);
            return Replace(s, current with
            {
                Offer = current.Offer with { ProvinceCode = provinceCode, ProvinceName = name, Logistics = null },
                ChangeNote = note,
            });
        });
    }

    public Task<ImmutableArray<FollowUp>> GetPendingFollowUpsAsync() => Task.FromResult(state.State.Outbox);

    public Task AcknowledgeFollowUpAsync(string followUpId) => Outbox.AcknowledgeAsync(followUpId);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == FollowUpOutbox.ReminderName)
        {
            await Outbox.OnReminderAsync();
            return;
        }

        if (reminderName.StartsWith(DueSoonReminderPrefix, StringComparison.Ordinal))
        {
            await OnDueSoonAsync(reminderName);
            return;
        }

        if (!reminderName.StartsWith(OfferReminderPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var assignmentId = reminderName[OfferReminderPrefix.Length..];
        var assignment = state.State.Assignments.FirstOrDefault(a => a.Offer.AssignmentId == assignmentId);
        if (state.RecordExists && assignment is { Status: AssignmentStatus.Offered, Escalated: false })
        {
            var offer = assignment.Offer;
            var notice = new EscalationNotice(
                EscalationKind.OfferUnanswered,
                offer.CourseId,
                assignmentId,
                $"Lecturer {Id} ({state.State.FullName}) has not answered the offer for {offer.TopicCode} on {offer.Date:yyyy-MM-dd} {offer.Slot} in {offer.ProvinceCode} by {offer.AnswerBy:yyyy-MM-dd}.");
            var followUp = new FollowUp($"{Id}:{assignmentId}:escalate", FollowUpKind.RaiseEscalation, offer.CycleId, time.GetUtcNow(), Escalation: notice);
            await Outbox.WriteAsync(state, s => Replace(s, Find(s, assignmentId) with { Escalated = true }) with { Outbox = s.Outbox.Add(followUp) });
            LogEscalated(logger, Id, assignmentId);
        }

        // The deadline has done its work (or the offer was answered meanwhile): it fires once.
        await this.UnregisterIfPresentAsync(reminderName);
    }

    private static AssignmentView Find(LecturerState s, string assignmentId) =>
        s.Assignments.FirstOrDefault(a => a.Offer.AssignmentId == assignmentId)
        ?? throw new NotFoundException("assignment", assignmentId);

    private static LecturerState Replace(LecturerState s, AssignmentView assignment) => s with
    {
        Assignments = s.Assignments.Select(a => a.Offer.AssignmentId == assignment.Offer.AssignmentId ? assignment : a).ToImmutableArray(),
    };

    private static Booking ToBooking(TeachingOffer offer) => new(offer.Date, offer.Slot, offer.ProvinceCode);

    private static ImmutableArray<DateOnly> Distinct(ImmutableArray<DateOnly> dates) =>
        dates.IsDefault ? [] : [.. dates.Distinct().Order()];

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new NotFoundException("lecturer", Id);
        }
    }

    private LecturerView View()
    {
        var s = state.Committed();
        var load = s.Assignments
            .Where(a => a.Status == AssignmentStatus.Accepted)
            .GroupBy(a => a.Offer.CycleId)
            .ToImmutableDictionary(g => g.Key, g => g.Count());
        var reasons = s.UnavailableReasons.ToDictionary(r => r.Date, r => r.Reason);
        return new LecturerView(
            Id, s.FullName, s.Department, s.QualifiedTopics, s.HomeProvince, s.MaxSessionsPerCycle, s.UnavailableDates, load, s.Assignments,
            [.. s.UnavailableDates.Select(d => new UnavailableDate(d, reasons.GetValueOrDefault(d)))])
        {
            Notices = s.Notices,
            Email = s.Email,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lecturer {LecturerId} left assignment {AssignmentId} unanswered past its deadline; escalated")]
    private static partial void LogEscalated(ILogger logger, string lecturerId, string assignmentId);
}
