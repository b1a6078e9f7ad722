using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.FieldTrips;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Grains.Courses;

public sealed partial class CourseGrain(
    [PersistentState("course", GrainStorage.Name)] IPersistentState<CourseState> state,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<DeadlineOptions> deadlines,
    ILogger<CourseGrain> logger) : AuditedGrain, ICourseGrain, IRemindable
{
    private const string MaterialsReminder = "materials";

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

    public async Task<CourseView> CreateAsync(NewCourse course)
    {
        Require.Present(course, "course");
        var (cycleId, version, draft) = await ValidateAsync(course);
        EnsureNew();
        await state.UpdateAsync(s => FromDraft(s, cycleId, version, draft, CourseStatus.Proposed));
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).AddCourseAsync(Id);
        return View();
    }

    public async Task<CourseView> ImportHistoricalAsync(HistoricalCourse course)
    {
        Require.Present(course, "course");
        var (cycleId, version, draft) = await ValidateAsync(course.Course);
        var topics = (await GrainFactory.GetGrain<ICurriculumGrain>(version).GetAsync()).Topics.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var schedule = course.Schedule ?? throw new DomainValidationException("schedule", "A historical course needs its schedule.");
        var host = ProvinceDirectory.Resolve(schedule.HostProvince)
            ?? throw new DomainValidationException("schedule.hostProvince", $"'{schedule.HostProvince}' is not a province.");
        Require.Order(schedule.Start, schedule.End, "schedule.end");
        var sessions = ToSessions(schedule.Sessions, schedule.Start, schedule.End, topics, historical: true);
        var trainees = ImmutableArray.CreateBuilder<NominatedTrainee>();
        var nominations = course.Nominations.IsDefault ? [] : course.Nominations;
        for (var i = 0; i < nominations.Length; i++)
        {
            var province = ResolveProvince(nominations[i]?.ProvinceCode, $"nominations[{i}].provinceCode");
            foreach (var trainee in CheckTrainees(nominations[i]!.Trainees, draft.Audience, $"nominations[{i}]."))
            {
                trainees.Add(new NominatedTrainee($"t{trainees.Count + 1:000}", province, trainee, Attended: true));
            }
        }

        if (trainees.Count > draft.Capacity)
        {
            throw new ConflictException(ConflictRules.CourseCapacity, $"{trainees.Count} trainees exceed the capacity of {draft.Capacity}.");
        }

        var evaluations = (course.Evaluations.IsDefault ? [] : course.Evaluations)
            .Select((e, i) => ToEvaluation(e, sessions, $"evaluations[{i}].", trainee: null, EvaluationSource.Historical))
            .ToImmutableArray();
        EnsureNew();
        await state.UpdateAsync(s => FromDraft(s, cycleId, version, draft, CourseStatus.Reported) with
        {
            HostProvince = host.Code,
            Start = schedule.Start,
            End = schedule.End,
            Sessions = sessions,
            Trainees = trainees.ToImmutable(),
            TraineesNumbered = trainees.Count,
            MaterialsSentOn = course.MaterialsSentOn,
            Evaluations = evaluations,
        });
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).AddCourseAsync(Id);
        await GrainFactory.GetGrain<IProvinceGrain>(host.Code).AddHostingHistoryAsync(new HostingRecord(cycleId, Id, schedule.Start));
        return View();
    }

    public Task<CourseView> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public async Task<CourseView> NominateAsync(NominationRequest nomination)
    {
        EnsureExists();
        Require.Present(nomination, "nomination");
        var province = ResolveProvince(nomination.ProvinceCode, "provinceCode");
        var trainees = CheckTrainees(nomination.Trainees, state.State.Audience, "");
        await state.UpdateAsync(s =>
        {
            if (s.Status is not (CourseStatus.Published or CourseStatus.HostConfirmed))
            {
                throw new ConflictException(ConflictRules.InvalidTransition, $"Nominations are open only once the course is published; it is {s.Status}.");
            }

            EnsureBeforeNominationDeadline(s);

            var already = s.Trainees.Count(t => t.ProvinceCode == province);
            if (already + trainees.Length > s.QuotaPerProvince)
            {
                throw new ConflictException(
                    ConflictRules.NominationQuota,
                    $"{province} may nominate {s.QuotaPerProvince} trainees; it has {already} and asks for {trainees.Length} more.");
            }

            if (s.Trainees.Length + trainees.Length > s.Capacity)
            {
                throw new ConflictException(ConflictRules.CourseCapacity, $"The course has {s.Capacity - s.Trainees.Length} places left.");
            }

            var numbered = Math.Max(s.TraineesNumbered, s.Trainees.Length);
            var added = trainees.Select((t, i) => new NominatedTrainee($"t{numbered + i + 1:000}", province, t, null));
            return s with { Trainees = s.Trainees.AddRange(added), TraineesNumbered = numbered + trainees.Length };
        });
        return View();
    }

    public async Task<CourseView> MarkMaterialsSentAsync(DateOnly? sentOn)
    {
        EnsureExists();
        var today = Deadlines.Today(time);
        var date = sentOn ?? today;
        if (date > today)
        {
            throw new DomainValidationException("sentOn", "Materials cannot be marked sent on a future date.");
        }

        var now = time.GetUtcNow();
        await Outbox.WriteAsync(state, s =>
        {
            if (s.Status is CourseStatus.Cancelled)
            {
                throw new ConflictException(ConflictRules.InvalidTransition, "The course is cancelled.");
            }

            // An overdue flag was escalated to the cycle: the cycle learns that the materials arrived.
            var outbox = s.Outbox.RemoveAll(f => f.Kind == FollowUpKind.RaiseEscalation && f.Escalation?.SubjectKey == MaterialsSubject);
            if (s.MaterialsOverdue)
            {
                outbox = outbox.Add(new FollowUp(
                    $"{Id}:materials:resolve:{now.ToUnixTimeMilliseconds()}", FollowUpKind.ResolveEscalation, s.CycleId, now,
                    Escalation: new EscalationNotice(EscalationKind.MaterialsNotSent, Id, MaterialsSubject, "materials sent")));
            }

            return s with { MaterialsSentOn = date, MaterialsOverdue = false, Outbox = outbox };
        });
        Outbox.Settle();
        await this.UnregisterIfPresentAsync(MaterialsReminder);
        return View();
    }

    public async Task<FieldTripView> AddFieldTripAsync(NewFieldTrip trip)
    {
        EnsureExists();
        var clean = FieldTripRules.Validate(trip);
        var tripId = $"{Id}-trip-{clean.TripNumber}";
        await GrainFactory.GetGrain<IFieldTripGrain>(tripId).CheckPeriodAsync(Id, string.IsNullOrEmpty(state.State.CycleId) ? null : state.State.CycleId, clean);
        await state.UpdateAsync(s => s.FieldTripIds.Contains(tripId)
            ? throw new ConflictException(ConflictRules.AlreadyExists, $"Trip {clean.TripNumber} of this class already exists ({tripId}).")
            : s with { FieldTripIds = s.FieldTripIds.Add(tripId) });
        return await GrainFactory.GetGrain<IFieldTripGrain>(tripId).CreateAsync(Id, string.IsNullOrEmpty(state.State.CycleId) ? null : state.State.CycleId, clean);
    }

    public async Task<CourseView> ApplyScheduleAsync(CourseSchedule schedule)
    {
        EnsureExists();
        Require.Present(schedule, "schedule");
        var host = ResolveProvince(schedule.HostProvince, "hostProvince");
        Require.Order(schedule.Start, schedule.End);
        var topics = state.State.Topics.Select(t => t.TopicCode).ToHashSet(StringComparer.Ordinal);
        var sessions = ToSessions(schedule.Sessions, schedule.Start, schedule.End, topics, historical: false);
        await state.UpdateAsync(s => s.Status is CourseStatus.Proposed or CourseStatus.Planned
            ? s with { Status = CourseStatus.Planned, HostProvince = host, Start = schedule.Start, End = schedule.End, Sessions = sessions }
            : throw new ConflictException(ConflictRules.InvalidTransition, $"A {s.Status} course cannot be re-planned."));
        return View();
    }

    public async Task<CourseView> MarkPublishedAsync(string hostingRequestId)
    {
        EnsureExists();
        if (state.State.Status != CourseStatus.Planned && state.State.HostingRequestId == hostingRequestId)
        {
            // Delivered again: already published with this request; the deadlines are armed again in case that failed.
            await ArmPublishedDeadlinesAsync();
            return View();
        }

        await state.UpdateAsync(s => s.Status == CourseStatus.Planned
            ? s with { Status = CourseStatus.Published, HostingRequestId = hostingRequestId }
            : throw new ConflictException(ConflictRules.InvalidTransition, $"Only a planned course can be published; it is {s.Status}."));
        await ArmPublishedDeadlinesAsync();
        return View();
    }

    public async Task<CourseView> SetHostAsync(string? hostProvince, string? hostingRequestId, ImmutableArray<string> declinedBy)
    {
        EnsureExists();
        var host = hostProvince is null ? null : ResolveProvince(hostProvince, "hostProvince");
        await state.UpdateAsync(s => s with
        {
            HostProvince = host,
            HostingRequestId = hostingRequestId,
            HostLogistics = null,
            DeclinedByProvinces = declinedBy.IsDefault ? [] : declinedBy,
            Status = s.Status == CourseStatus.HostConfirmed ? CourseStatus.Published : s.Status,
        });
        return View();
    }

    public async Task<CourseView> RecordHostConfirmedAsync(string hostingRequestId, HostingConfirmation confirmation)
    {
        EnsureExists();
        await state.UpdateAsync(s =>
        {
            if (s.HostingRequestId != hostingRequestId)
            {
                throw new ConflictException(ConflictRules.AlreadyAnswered, $"'{hostingRequestId}' is not the course's current hosting request.");
            }

            return s.Status == CourseStatus.Published
                ? s with { Status = CourseStatus.HostConfirmed, HostLogistics = confirmation }
                : throw new ConflictException(ConflictRules.InvalidTransition, $"A {s.Status} course cannot record a host confirmation.");
        });
        return View();
    }

    public async Task<CourseView> SetSessionStaffingAsync(string sessionId, string? lecturerId, StaffingStatus staffing, string? assignmentId, string? unstaffedReason)
    {
        EnsureExists();
        await state.UpdateAsync(s =>
        {
            var session = s.Sessions.FirstOrDefault(x => x.SessionId == sessionId) ?? throw new NotFoundException("session", sessionId);
            var updated = session with { LecturerId = lecturerId, Staffing = staffing, AssignmentId = assignmentId, UnstaffedReason = unstaffedReason };
            return s with { Sessions = s.Sessions.Replace(session, updated) };
        });
        return View();
    }

    public async Task<CourseView> MarkReportedAsync()
    {
        EnsureExists();
        // The cycle closes only when its courses are closed; a course held before that rule is reported as it stands.
        if (state.State.Status is CourseStatus.Closed or CourseStatus.Held)
        {
            await state.UpdateAsync(s => s.Status is CourseStatus.Closed or CourseStatus.Held ? s with { Status = CourseStatus.Reported } : s);
        }

        return View();
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

        if (reminderName != MaterialsReminder)
        {
            return;
        }

        var s = state.State;
        if (state.RecordExists && s.MaterialsSentOn is null && !s.MaterialsOverdue
            && s.Status is not (CourseStatus.Cancelled or CourseStatus.Held or CourseStatus.Closed or CourseStatus.Reported))
        {
            var now = time.GetUtcNow();
            var notice = new EscalationNotice(
                EscalationKind.MaterialsNotSent,
                Id,
                MaterialsSubject,
                $"Materials for '{s.Title}' (starting {s.Start:yyyy-MM-dd}) were not sent {deadlines.Value.MaterialsDaysBeforeStart} days before the start.");
            var followUp = new FollowUp($"{Id}:materials:escalate:{now.ToUnixTimeMilliseconds()}", FollowUpKind.RaiseEscalation, s.CycleId, now, Escalation: notice);
            await Outbox.WriteAsync(state, x => x with { MaterialsOverdue = true, Outbox = x.Outbox.Add(followUp) });
            LogMaterialsOverdue(logger, Id);
        }

        // The deadline has done its work: it fires once.
        await this.UnregisterIfPresentAsync(MaterialsReminder);
    }

    private string MaterialsSubject => Id + ":materials";

    /// <summary>The materials deadline here, and the lecturers' reminder a week before it in the course's materials.</summary>
    private async Task ArmPublishedDeadlinesAsync()
    {
        await ArmMaterialsReminderAsync();
        if (state.State.Start is DateOnly start)
        {
            await GrainFactory.GetGrain<Materials.IMaterialsGrain>(Id).ArmLecturerRemindersAsync(start);
        }
    }

    private async Task ArmMaterialsReminderAsync()
    {
        if (state.State.Start is DateOnly start && state.State.MaterialsSentOn is null)
        {
            await this.RegisterDeadlineAsync(MaterialsReminder, Deadlines.StartOfDay(start.AddDays(-deadlines.Value.MaterialsDaysBeforeStart)), time);
        }
    }

    private static CourseState FromDraft(CourseState current, string cycleId, string version, CourseDraft draft, CourseStatus status) => current with
    {
        CycleId = cycleId,
        CurriculumVersion = version,
        Title = draft.Title,
        Audience = draft.Audience,
        Capacity = draft.Capacity,
        QuotaPerProvince = draft.QuotaPerProvince,
        CoOrganisers = draft.CoOrganisers,
        Topics = draft.Topics,
        Status = status,
    };

    private async Task<(string CycleId, string Version, CourseDraft Draft)> ValidateAsync(NewCourse course)
    {
        Require.Slug(Id, "courseId");
        var cycleId = Require.Text(course.CycleId, "cycleId", 100);
        var version = Require.Text(course.CurriculumVersion, "curriculumVersion", 20);
        CurriculumView curriculum;
        try
        {
            curriculum = await GrainFactory.GetGrain<ICurriculumGrain>(version).GetAsync();
        }
        catch (NotFoundException)
        {
            throw new DomainValidationException("curriculumVersion", $"Curriculum '{version}' does not exist.");
        }

        return (cycleId, version, CourseDraftRules.Validate(course.Draft, curriculum.Topics, "draft."));
    }

    private static ImmutableArray<SessionView> ToSessions(
        ImmutableArray<PlannedSession> planned,
        DateOnly start,
        DateOnly end,
        IReadOnlySet<string> topics,
        bool historical)
    {
        var list = planned.IsDefault ? [] : planned;
        var sessions = ImmutableArray.CreateBuilder<SessionView>(list.Length);
        for (var i = 0; i < list.Length; i++)
        {
            var p = list[i] ?? throw new DomainValidationException($"sessions[{i}]", "A session is required.");
            if (!topics.Contains(p.TopicCode ?? ""))
            {
                throw new DomainValidationException($"sessions[{i}].topicCode", $"'{p.TopicCode}' is not a topic of this course.");
            }

            if (p.Date < start || p.Date > end)
            {
                throw new DomainValidationException($"sessions[{i}].date", $"{p.Date:yyyy-MM-dd} is outside the course dates.");
            }

            Require.Defined(p.Slot, $"sessions[{i}].slot");
            Require.Defined(p.Method, $"sessions[{i}].method");
            var staffing = p.LecturerId is null ? StaffingStatus.Unstaffed : historical ? StaffingStatus.Accepted : StaffingStatus.Proposed;
            sessions.Add(new SessionView($"s{i + 1:00}", p.TopicCode!, p.Date, p.Slot, p.Method, p.LecturerId, staffing, null, p.LecturerId is null ? p.UnstaffedReason : null));
        }

        var clash = sessions.GroupBy(x => (x.Date, x.Slot)).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new DomainValidationException("sessions", $"Two sessions share {clash.Key.Date:yyyy-MM-dd} ({clash.Key.Slot}).");
        }

        return sessions.MoveToImmutable();
    }

    private static ImmutableArray<Trainee> CheckTrainees(ImmutableArray<Trainee> trainees, CourseAudience audience, string prefix)
    {
        if (trainees.IsDefaultOrEmpty)
        {
            throw new DomainValidationException(prefix + "trainees", "At least one trainee is required.");
        }

        var clean = ImmutableArray.CreateBuilder<Trainee>(trainees.Length);
        for (var i = 0; i < trainees.Length; i++)
        {
            var t = trainees[i] ?? throw new DomainValidationException($"{prefix}trainees[{i}]", "A trainee is required.");
            var name = Require.Text(t.FullName, $"{prefix}trainees[{i}].fullName", 200);
            if (!audience.Positions.Contains(t.Position))
            {
                throw new DomainValidationException($"{prefix}trainees[{i}].position", $"Position {t.Position} is not in this course's audience.");
            }

            if (!audience.Levels.Contains(t.Level))
            {
                throw new DomainValidationException($"{prefix}trainees[{i}].level", $"Level {t.Level} is not in this course's audience.");
            }

            clean.Add(t with { FullName = name, Unit = string.IsNullOrWhiteSpace(t.Unit) ? null : t.Unit.Trim() });
        }

        return clean.MoveToImmutable();
    }

    private static EvaluationView ToEvaluation(
        EvaluationRequest? evaluation, ImmutableArray<SessionView> sessions, string prefix, NominatedTrainee? trainee, EvaluationSource source)
    {
        if (evaluation is null)
        {
            throw new DomainValidationException(prefix.TrimEnd('.'), "An evaluation is required.");
        }

        var session = sessions.FirstOrDefault(s => s.SessionId == evaluation.SessionId)
            ?? throw new UnprocessableException(prefix + "sessionId", $"'{evaluation.SessionId}' is not a session of this course.");
        Require.Range(evaluation.Content, 1, 5, prefix + "content");
        Require.Range(evaluation.Method, 1, 5, prefix + "method");
        Require.Range(evaluation.Usefulness, 1, 5, prefix + "usefulness");
        var comment = string.IsNullOrWhiteSpace(evaluation.Comment) ? null : Require.Text(evaluation.Comment, prefix + "comment", 2000);
        return new EvaluationView(
            session.SessionId, session.TopicCode, session.LecturerId, session.Method, evaluation.Content, evaluation.Method, evaluation.Usefulness,
            comment, trainee?.TraineeId, trainee?.ProvinceCode, source);
    }

    private static string ResolveProvince(string? nameOrCode, string field) =>
        ProvinceDirectory.Resolve(nameOrCode)?.Code ?? throw new DomainValidationException(field, $"'{nameOrCode}' is not a province.");

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new NotFoundException("course", Id);
        }
    }

    private void EnsureNew()
    {
        if (state.RecordExists)
        {
            throw new ConflictException(ConflictRules.AlreadyExists, $"Course '{Id}' already exists.");
        }
    }

    /// <summary>The course as last stored (<see cref="StateUpdates.Committed"/>), as interleaved reads must see it.</summary>
    private CourseView View() => View(state.Committed());

    private CourseView View(CourseState s)
    {
        return new CourseView(
            Id, s.CycleId, s.CurriculumVersion, s.Title, s.Audience, s.Capacity, s.QuotaPerProvince, s.CoOrganisers, s.Status,
            s.HostProvince, s.Start, s.End, s.HostingRequestId, s.HostLogistics, s.DeclinedByProvinces, s.Sessions, s.Trainees,
            s.MaterialsSentOn, s.MaterialsOverdue, s.Evaluations, s.FieldTripIds, s.Attendance, NominationsCloseAt(s),
            CourseNominationWindow.IsOpen(s.Status, NominationsCloseAt(s), time.GetUtcNow()),
            s.Start?.AddDays(-deadlines.Value.MaterialsDaysBeforeStart))
        {
            CancelledReason = s.CancelledReason,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Course {CourseId}: materials not sent before the deadline; flagged")]
    private static partial void LogMaterialsOverdue(ILogger logger, string courseId);
}
