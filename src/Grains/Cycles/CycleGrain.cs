using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Grains.Planning;
using OrleansTraining.Grains.Provinces;
using OrleansTraining.Grains.Registry;

namespace OrleansTraining.Grains.Cycles;

public sealed partial class CycleGrain(
    [PersistentState("cycle", GrainStorage.Name)] IPersistentState<CycleState> state,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<DeadlineOptions> deadlines,
    Microsoft.Extensions.Options.IOptions<ReadModelOptions> readModel,
    ILogger<CycleGrain> logger) : AuditedGrain, ICycleGrain, IRemindable
{
    private string Id => this.GetPrimaryKeyString();

    public async Task<CycleView> CreateAsync(NewCycle cycle)
    {
        Require.Present(cycle, "cycle");
        CycleId.Parse(Id);
        Require.Order(cycle.Start, cycle.End);
        var version = Require.Text(cycle.CurriculumVersion, "curriculumVersion", 20);
        var topics = await CurriculumTopicsAsync(version);
        var drafts = (cycle.Courses.IsDefault ? [] : cycle.Courses)
            .Select((d, i) => CourseDraftRules.Validate(d, topics, $"courses[{i}]."))
            .ToImmutableArray();
        if (state.RecordExists)
        {
            throw new ConflictException(ConflictRules.AlreadyExists, $"Cycle '{Id}' already exists.");
        }

        var previous = CycleId.Previous(Id);
        var previousHosts = (await ProvincesAsync())
            .Where(p => p.HostingHistory.Any(h => h.CycleId == previous))
            .Select(p => p.Code)
            .ToImmutableArray();
        // The courses first, then the cycle that lists them: the cycle never names a course that does not exist, and a
        // retry after a failure in between adopts the courses already made.
        for (var i = 0; i < drafts.Length; i++)
        {
            await CreateOrAdoptCourseAsync(CourseKey(i + 1), new NewCourse(Id, version, drafts[i]));
        }

        await WriteNewCycleAsync(cycle.Start, cycle.End, version, CycleStatus.Draft, drafts, previousHosts);
        LogCreated(logger, Id, drafts.Length);
        return View();
    }

    public async Task<CycleView> ImportHistoricalAsync(HistoricalCycle cycle)
    {
        Require.Present(cycle, "cycle");
        CycleId.Parse(Id);
        Require.Order(cycle.Start, cycle.End);
        var version = Require.Text(cycle.CurriculumVersion, "curriculumVersion", 20);
        var topics = await CurriculumTopicsAsync(version);
        var courses = cycle.Courses.IsDefault ? [] : cycle.Courses;
        for (var i = 0; i < courses.Length; i++)
        {
            Require.Present(courses[i]?.Course, $"courses[{i}].course");
        }

        var drafts = courses.Select((c, i) => CourseDraftRules.Validate(c.Course.Draft, topics, $"courses[{i}].course.draft.")).ToImmutableArray();
        if (state.RecordExists)
        {
            throw new ConflictException(ConflictRules.AlreadyExists, $"Cycle '{Id}' already exists.");
        }

        var courseIds = await WriteNewCycleAsync(cycle.Start, cycle.End, version, CycleStatus.Closed, drafts, previousHosts: []);
        for (var i = 0; i < courses.Length; i++)
        {
            var course = courses[i] with { Course = courses[i].Course with { CycleId = Id, CurriculumVersion = version } };
            await GrainFactory.GetGrain<ICourseGrain>(courseIds[i]).ImportHistoricalAsync(course);
        }

        return View();
    }

    /// <summary>Writes a new cycle's state (its courses keyed c01, c02, …) and lists it in the registry.</summary>
    private async Task<ImmutableArray<string>> WriteNewCycleAsync(
        DateOnly start, DateOnly end, string version, CycleStatus status, ImmutableArray<CourseDraft> drafts, ImmutableArray<string> previousHosts)
    {
        var courseIds = drafts.Select((_, i) => CourseKey(i + 1)).ToImmutableArray();
        await state.UpdateAsync(s => s with
        {
            Start = start,
            End = end,
            CurriculumVersion = version,
            Status = status,
            CourseIds = courseIds,
            Drafts = drafts,
            PreviousCycleId = CycleId.Previous(Id),
            PreviousHosts = previousHosts,
        });
        await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).AddCycleAsync(Id);
        return courseIds;
    }

    public Task<CycleView> GetAsync()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    public async Task<CourseView> AddCourseAsync(CourseDraft draft)
    {
        EnsureExists();
        var clean = CourseDraftRules.Validate(draft, await CurriculumTopicsAsync(state.State.CurriculumVersion));
        EnsureStatus("add a course to", CycleStatus.Draft, CycleStatus.Planned, CycleStatus.Published, CycleStatus.Running);
        // The course first, then the cycle's list: the cycle never names a course that does not exist.
        var courseId = CourseKey(state.State.CourseIds.Length + 1);
        var course = await CreateOrAdoptCourseAsync(courseId, new NewCourse(Id, state.State.CurriculumVersion, clean));
        await state.UpdateAsync(s => s.Status is not CycleStatus.Closed
            ? s with { CourseIds = s.CourseIds.Add(courseId), Drafts = s.Drafts.Add(clean) }
            : throw new ConflictException(ConflictRules.InvalidTransition, "A closed cycle takes no more courses."));
        return course;
    }

    /// <summary>Creates the course, or takes the one an earlier attempt of this cycle created before it failed.</summary>
    private async Task<CourseView> CreateOrAdoptCourseAsync(string courseId, NewCourse course)
    {
        var grain = GrainFactory.GetGrain<ICourseGrain>(courseId);
        try
        {
            return await grain.CreateAsync(course);
        }
        catch (ConflictException conflict) when (conflict.Rule == ConflictRules.AlreadyExists)
        {
            var existing = await grain.GetAsync();
            if (existing.CycleId != Id || state.State.CourseIds.Contains(courseId))
            {
                throw;
            }

            return existing;
        }
    }

    public async Task<CycleView> PublishAsync()
    {
        EnsureExists();
        // Publishing again after publish sends out only the courses planned since.
        EnsureStatus("publish", CycleStatus.Planned, CycleStatus.Published, CycleStatus.Running);
        var courses = await CoursesAsync();
        var planned = courses.Where(c => c.Status == CourseStatus.Planned).ToList();
        var now = time.GetUtcNow();
        var offers = planned
            .SelectMany(c => c.Sessions.Where(s => s.LecturerId is not null).Select(s => (Course: c, Session: s)))
            .ToList();
        await DecideAsync(
            s =>
            {
                var escalations = s.Escalations;
                foreach (var issue in s.PlanIssues)
                {
                    escalations = AddEscalation(
                        escalations,
                        issue.SessionId is null ? EscalationKind.CourseUnhosted : EscalationKind.SessionUnstaffed,
                        issue.CourseId,
                        issue.SessionId is null ? issue.CourseId + ":host" : SessionKey(issue.CourseId, issue.SessionId),
                        issue.Reason,
                        now);
                }

                var counts = offers.Aggregate(s.OfferCounts, (acc, o) => acc.SetItem(SessionKey(o.Course.Id, o.Session.SessionId), acc.GetValueOrDefault(SessionKey(o.Course.Id, o.Session.SessionId)) + 1));
                return s with { Status = s.Status == CycleStatus.Planned ? CycleStatus.Published : s.Status, Escalations = escalations, OfferCounts = counts };
            },
            s => planned
                .SelectMany(course => new[]
                {
                    new NewDelivery(CycleDeliveryKind.CoursePublished, course.Id) { RequestId = HostingRequestId(course.Id, 1) },
                    HostingRequestDelivery(course, course.HostProvince!, HostingRequestId(course.Id, 1), now),
                })
                .Concat(offers.SelectMany(o =>
                {
                    var key = SessionKey(o.Course.Id, o.Session.SessionId);
                    return OfferDeliveries(o.Course, o.Session, o.Session.LecturerId!, AssignmentId(key, s.OfferCounts[key]), now);
                })));

        LogPublished(logger, Id, planned.Count, offers.Count);
        return View();
    }

    public async Task<CyclePlan> GetPlanAsync()
    {
        var s = Answered();
        return new CyclePlan(Id, s.Status, [.. await ReadCoursesAsync(s, await ReadModel.GetAsync())], s.PlanIssues);
    }

    public async Task<CycleReport> GetReportAsync()
    {
        var s = Answered();
        var model = await ReadModel.GetAsync();
        var courses = await ReadCoursesAsync(s, model);
        var topics = (await CurriculumTopicsAsync(s.CurriculumVersion)).ToDictionary(t => t.Code, t => t.TitleVi, StringComparer.Ordinal);
        var lecturerIds = courses.SelectMany(c => c.Sessions).Select(x => x.LecturerId).OfType<string>().Distinct(StringComparer.Ordinal);
        var lecturers = await ReadLecturerNamesAsync(model, lecturerIds);
        return CycleReportBuilder.Build(
            Id, s.Status, time.GetUtcNow(), courses, s.Escalations, new ReportNames(topics, lecturers), new BoardConclusions(s.Conclusions, s.Recommendations));
    }

    public Task<ImmutableArray<Escalation>> GetEscalationsAsync(bool includeResolved)
    {
        EnsureExists();
        return Task.FromResult(includeResolved ? state.State.Escalations : [.. state.State.Escalations.Where(e => e.ResolvedAt is null)]);
    }

    public async Task<CycleView> StartAsync()
    {
        EnsureExists();
        await state.UpdateAsync(s => s.Status == CycleStatus.Published
            ? s with { Status = CycleStatus.Running }
            : throw new ConflictException(ConflictRules.InvalidTransition, $"Only a published cycle can start; it is {s.Status}."));
        return View();
    }

    public async Task ReceiveFollowUpAsync(FollowUp followUp, IFollowUpSource replyTo)
    {
        if (state.RecordExists && !state.State.HandledFollowUps.Contains(followUp.Id))
        {
            try
            {
                await HandleFollowUpAsync(followUp);
            }
            catch (DomainException exception)
            {
                // A follow-up that breaks a rule would break it on every delivery: it is handled by being refused, and the
                // board is told, since someone's answer did not take effect.
                LogFollowUpRefused(logger, exception, Id, followUp.Id);
                await RaiseEscalationAsync(EscalationKind.DecisionRefused, CourseOf(followUp), followUp.Id, $"{followUp.Kind}: {exception.Message}");
            }

            // Handlers are idempotent; the id makes a late repeat (e.g. an escalation after its answer) a no-op.
            await state.UpdateAsync(s => s with { HandledFollowUps = s.HandledFollowUps.Add(followUp.Id) });
        }
        else if (!state.RecordExists)
        {
            // No cycle to record it in: the board's list of undeliverable decisions holds it (the registry is the
            // board's index and awaits only the board's inbox, a leaf). Should that fail, nothing is acknowledged.
            LogFollowUpForUnknownCycle(logger, Id, followUp.Id);
            await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).RecordUndeliverableAsync(
                UndeliverableDecisions.Of(followUp, $"cycle '{Id}' does not exist", time.GetUtcNow()));
        }

        // Other exceptions leave it unacknowledged: the sender delivers it again.
        await replyTo.AcknowledgeFollowUpAsync(followUp.Id);
    }

    private static string CourseOf(FollowUp followUp) =>
        followUp.Offer?.Offer.CourseId ?? followUp.Hosting?.Request.CourseId ?? followUp.Escalation?.CourseId ?? "";

    private async Task HandleFollowUpAsync(FollowUp followUp)
    {
        // Decisions are made on what earlier decisions already told the other grains.
        await DeliverOrThrowAsync();
        await HandleAsync(followUp);
    }

    private Task HandleAsync(FollowUp followUp) => followUp.Kind switch
    {
        FollowUpKind.OfferAnswered => OnOfferAnsweredAsync(followUp.Offer!),
        FollowUpKind.HostingAnswered => OnHostingAnsweredAsync(followUp.Hosting!.Request.CourseId, followUp.Hosting),
        FollowUpKind.RaiseEscalation => RaiseEscalationAsync(followUp.Escalation!.Kind, followUp.Escalation.CourseId, followUp.Escalation.SubjectKey, followUp.Escalation.Detail),
        FollowUpKind.ResolveEscalation => ResolveEscalationAsync(followUp.Escalation!.SubjectKey),
        FollowUpKind.LogisticsAmended => OnLogisticsAmendedAsync(followUp.Hosting!),
        _ => throw new DomainValidationException("kind", $"A cycle does not handle {followUp.Kind} follow-ups."),
    };

    private async Task OnHostingAnsweredAsync(string courseId, HostingRequestView answer)
    {
        Require.Present(answer, "answer");
        var now = time.GetUtcNow();
        var requestId = answer.Request.RequestId;
        await state.UpdateAsync(s => s with { Escalations = Resolve(s.Escalations, requestId, now) });
        if (!state.State.CourseIds.Contains(courseId))
        {
            return;
        }

        var course = await GrainFactory.GetGrain<ICourseGrain>(courseId).GetAsync();
        if (course.HostingRequestId != requestId)
        {
            return;
        }

        if (answer.Status == HostingRequestStatus.Confirmed)
        {
            await DecideAsync(
                s => s with { LogisticsPassedOn = s.LogisticsPassedOn.SetItem(requestId, ChangeNumber(answer)) },
                _ => [new NewDelivery(CycleDeliveryKind.HostConfirmed, courseId) { RequestId = requestId, Confirmation = answer.Confirmation }, .. LogisticsDeliveries(course, answer.Confirmation)]);
            return;
        }

        if (answer.Status == HostingRequestStatus.Declined)
        {
            await ReplaceHostAsync(course, answer.ProvinceCode, now);
        }
    }

    private async Task OnOfferAnsweredAsync(AssignmentView answer)
    {
        Require.Present(answer, "answer");
        var now = time.GetUtcNow();
        var offer = answer.Offer;
        var key = SessionKey(offer.CourseId, offer.SessionId);
        var released = ReleasesSession(answer);
        await state.UpdateAsync(s =>
        {
            var next = s with { Escalations = Resolve(s.Escalations, offer.AssignmentId, now) };
            return released
                ? next with { Declined = next.Declined.SetItem(key, [.. next.Declined.GetValueOrDefault(key, []).Where(l => l != answer.LecturerId), answer.LecturerId]) }
                : next;
        });
        if (!state.State.CourseIds.Contains(offer.CourseId))
        {
            return;
        }

        var courseGrain = GrainFactory.GetGrain<ICourseGrain>(offer.CourseId);
        var course = await courseGrain.GetAsync();
        var session = course.Sessions.FirstOrDefault(s => s.SessionId == offer.SessionId);
        if (session is null || session.AssignmentId != offer.AssignmentId)
        {
            return; // a withdrawn offer answered late: the session has moved on
        }

        if (answer.Status == AssignmentStatus.Accepted)
        {
            await DecideAsync(s => s, _ => [StaffingDelivery(course.Id, session.SessionId, answer.LecturerId, StaffingStatus.Accepted, offer.AssignmentId, null)]);
        }
        else if (released)
        {
            await AnswerDeclineAsync(course, session, answer.LecturerId, now);
        }
    }

    private async Task RaiseEscalationAsync(EscalationKind kind, string courseId, string subjectKey, string detail)
    {
        var now = time.GetUtcNow();
        // Through DecideAsync so the board's notification of a new escalation is owed in the same write.
        await DecideAsync(s => s with { Escalations = AddEscalation(s.Escalations, kind, courseId, subjectKey, detail, now) }, _ => []);
        LogEscalation(logger, Id, kind, subjectKey);
    }

    private async Task ResolveEscalationAsync(string subjectKey)
    {
        var now = time.GetUtcNow();
        await state.UpdateAsync(s => s with { Escalations = Resolve(s.Escalations, subjectKey, now) });
    }

    /// <summary>The host declined: propose the course to the nearest other province with the same dates, and re-offer its sessions there.</summary>
    private async Task ReplaceHostAsync(CourseView course, string declinedBy, DateTimeOffset now)
    {
        var declined = course.DeclinedByProvinces.Add(declinedBy);
        var courses = await CoursesAsync();
        var busy = courses
            .Where(c => c.Id != course.Id && c.HostProvince is not null && c.Start is not null && c.End is not null)
            .GroupBy(c => c.HostProvince!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => (c.Start!.Value, c.End!.Value)).ToImmutableArray(), StringComparer.Ordinal);
        var provinces = await ProvincesAsync();
        var previous = state.State.PreviousCycleId;
        var (host, reason) = DeclineReplacements.ChooseReplacementHost(
            course.Capacity,
            course.Start!.Value,
            course.End!.Value,
            declinedBy,
            declined.ToHashSet(StringComparer.Ordinal),
            provinces.Select(p => new PlanningProvince(p.Code, p.VenueCapacity, p.UnavailableDates, p.HostingHistory.Any(h => h.CycleId == previous), p.HostingHistory.Length, p.Rooms)),
            busy);
        if (host is null)
        {
            await DecideAsync(
                s => s with
                {
                    PlanIssues = s.PlanIssues.Add(new PlanIssue(course.Id, null, reason!)),
                    Escalations = AddEscalation(s.Escalations, EscalationKind.CourseUnhosted, course.Id, course.Id + ":host", reason!, now),
                },
                _ => [new NewDelivery(CycleDeliveryKind.CourseHost, course.Id) { Host = new CourseHost(null, null, declined) }]);
            return;
        }

        var requestId = HostingRequestId(course.Id, declined.Length + 1);
        var moved = course with
        {
            HostProvince = host,
            HostingRequestId = requestId,
            HostLogistics = null,
            DeclinedByProvinces = declined,
            Status = course.Status == CourseStatus.HostConfirmed ? CourseStatus.Published : course.Status,
        };

        // Offers named the old province; travel days depend on it. Each session is decided again at the new host, the
        // same lecturer first, all together (each choice sees the ones before it) and recorded with the move in one write.
        // An accepted session whose lecturer still fits there stays accepted and the lecturer is told where it moved;
        // every other one is withdrawn with the reason and offered again.
        var live = moved.Sessions.Where(x => x.AssignmentId is not null && x.LecturerId is not null).ToList();
        var lecturers = (await LecturersAsync())
            .Select(l => ToPlanning(l, excludeAssignmentIds: [.. live.Where(x => x.LecturerId == l.Id).Select(x => x.AssignmentId!)]))
            .ToList();
        var choices = live.Select(x => (Session: x, Choice: ChooseAndBook(moved, x, x.LecturerId, lecturers))).ToList();
        var kept = choices.Where(c => c.Session.Staffing == StaffingStatus.Accepted && c.Choice.LecturerId == c.Session.LecturerId).ToList();
        var offeredAgain = choices.Except(kept).ToList();
        var why = HostChangedReason(course, declinedBy, host);
        await DecideAsync(
            s => offeredAgain.Aggregate(s, (acc, c) => WithChoice(acc, moved.Id, c.Session.SessionId, c.Choice, now)),
            s => new[]
                {
                    new NewDelivery(CycleDeliveryKind.CourseHost, course.Id) { Host = new CourseHost(host, requestId, declined) },
                    HostingRequestDelivery(moved, host, requestId, now),
                }
                .Concat(kept.Select(c => new NewDelivery(CycleDeliveryKind.AssignmentMoved, c.Session.LecturerId!)
                {
                    AssignmentId = c.Session.AssignmentId,
                    Host = new CourseHost(host, requestId, declined),
                    Reason = HostMovedNote(course, declinedBy, host),
                }))
                .Concat(offeredAgain.Select(c => WithdrawDelivery(c.Session.LecturerId!, c.Session.AssignmentId!, why)))
                .Concat(offeredAgain.SelectMany(c => ChoiceDeliveries(s, moved, c.Session, c.Choice, now))));
        LogHostReplaced(logger, course.Id, declinedBy, host);
    }

    /// <summary>Offers a session to the next suitable lecturer, or records why nobody can.</summary>
    private async Task OfferSessionAsync(CourseView course, SessionView session, DateTimeOffset now)
    {
        var lecturers = (await LecturersAsync()).Select(l => ToPlanning(l, excludeAssignmentIds: session.AssignmentId is null ? [] : [session.AssignmentId])).ToList();
        var choice = ChooseAndBook(course, session, preferred: null, lecturers);
        await DecideAsync(s => WithChoice(s, course.Id, session.SessionId, choice, now), s => ChoiceDeliveries(s, course, session, choice, now));
    }

    /// <summary>
    /// The next suitable lecturer for the session (<paramref name="preferred"/> first when still suitable); the choice is
    /// booked into <paramref name="lecturers"/> so the next choice in the same decision sees it.
    /// </summary>
    private LecturerChoice ChooseAndBook(CourseView course, SessionView session, string? preferred, List<PlanningLecturer> lecturers)
    {
        var excluded = state.State.Declined.GetValueOrDefault(SessionKey(course.Id, session.SessionId), []).ToHashSet(StringComparer.Ordinal);
        var host = course.HostProvince!;
        var preferredOnly = lecturers.Where(l => l.Id == preferred).ToList();
        var choice = preferredOnly.Count == 1
            ? DeclineReplacements.ChooseLecturer(session.TopicCode, session.Date, session.Slot, host, preferredOnly, excluded)
            : new LecturerChoice(null, null);
        if (choice.LecturerId is null)
        {
            choice = DeclineReplacements.ChooseLecturer(session.TopicCode, session.Date, session.Slot, host, lecturers, excluded);
        }

        var index = lecturers.FindIndex(l => l.Id == choice.LecturerId);
        if (index >= 0)
        {
            var chosen = lecturers[index];
            lecturers[index] = chosen with
            {
                Bookings = chosen.Bookings.Add(new Booking(session.Date, session.Slot, host)),
                SessionsInCycle = chosen.SessionsInCycle + 1,
            };
        }

        return choice;
    }

    /// <summary>The cycle's own record of a choice: a new offer number, or the plan issue and escalation when nobody can teach it.</summary>
    private static CycleState WithChoice(CycleState s, string courseId, string sessionId, LecturerChoice choice, DateTimeOffset now)
    {
        var key = SessionKey(courseId, sessionId);
        if (choice.LecturerId is not null)
        {
            return s with { OfferCounts = s.OfferCounts.SetItem(key, s.OfferCounts.GetValueOrDefault(key) + 1) };
        }

        var reason = choice.Reason ?? "No lecturer found.";
        return s with
        {
            PlanIssues = s.PlanIssues.Add(new PlanIssue(courseId, sessionId, reason)),
            Escalations = AddEscalation(s.Escalations, EscalationKind.SessionUnstaffed, courseId, key, reason, now),
        };
    }

    private IEnumerable<NewDelivery> ChoiceDeliveries(CycleState s, CourseView course, SessionView session, LecturerChoice choice, DateTimeOffset now)
    {
        if (choice.LecturerId is null)
        {
            return [StaffingDelivery(course.Id, session.SessionId, null, StaffingStatus.Unstaffed, null, choice.Reason ?? "No lecturer found.")];
        }

        var key = SessionKey(course.Id, session.SessionId);
        return OfferDeliveries(course, session, choice.LecturerId, AssignmentId(key, s.OfferCounts[key]), now);
    }

    /// <summary>An offer goes to the lecturer and the course shows the session offered under the same assignment id.</summary>
    private NewDelivery[] OfferDeliveries(CourseView course, SessionView session, string lecturerId, string assignmentId, DateTimeOffset now) =>
    [
        new NewDelivery(CycleDeliveryKind.Offer, lecturerId)
        {
            Offer = new TeachingOffer(
                assignmentId,
                Id,
                course.Id,
                session.SessionId,
                session.TopicCode,
                session.Date,
                session.Slot,
                session.Method,
                course.HostProvince!,
                now + deadlines.Value.OfferAnswer,
                course.Title,
                course.Start,
                course.End,
                ProvinceName(course.HostProvince!),
                TopicTitle(session.TopicCode),
                course.HostLogistics),
        },
        StaffingDelivery(course.Id, session.SessionId, lecturerId, StaffingStatus.Offered, assignmentId, null),
    ];

    private static NewDelivery StaffingDelivery(string courseId, string sessionId, string? lecturerId, StaffingStatus status, string? assignmentId, string? reason) =>
        new(CycleDeliveryKind.Staffing, courseId) { Staffing = new SessionStaffing(sessionId, lecturerId, status, assignmentId, reason) };

    private NewDelivery HostingRequestDelivery(CourseView course, string host, string requestId, DateTimeOffset now) =>
        new(CycleDeliveryKind.HostingRequest, host)
        {
            Hosting = new HostingRequest(
                requestId,
                HostingRequestKind.Course,
                Id,
                course.Id,
                null,
                null,
                course.Title,
                course.Start!.Value,
                course.End!.Value,
                course.Capacity,
                now + deadlines.Value.HostingAnswer),
        };

    private PlanningLecturer ToPlanning(LecturerView lecturer, ImmutableArray<string> excludeAssignmentIds)
    {
        var live = lecturer.Assignments
            .Where(a => a.Status is AssignmentStatus.Offered or AssignmentStatus.Accepted && !excludeAssignmentIds.Contains(a.Offer.AssignmentId))
            .ToList();
        return new PlanningLecturer(
            lecturer.Id,
            lecturer.QualifiedTopics,
            lecturer.UnavailableDates,
            lecturer.MaxSessionsPerCycle,
            [.. live.Select(a => new Booking(a.Offer.Date, a.Offer.Slot, a.Offer.ProvinceCode))],
            live.Count(a => a.Offer.CycleId == Id));
    }

    // The cycle keeps each course's validated draft (topics and methods) in course order.
    private CourseDraft DraftOf(string courseId) => state.State.Drafts[state.State.CourseIds.IndexOf(courseId)];

    /// <summary>
    /// The courses' views, asked of all at once: the cycle is held (not re-entrant) while it waits, so one round trip
    /// rather than one per course — under load a plan or report read held every follow-up back for each course in turn.
    /// </summary>
    private async Task<List<CourseView>> CoursesAsync() =>
        [.. await Task.WhenAll(state.State.CourseIds.Select(id => GrainFactory.GetGrain<ICourseGrain>(id).GetAsync()))];

    private async Task<List<ProvinceView>> ProvincesAsync()
    {
        var views = new List<ProvinceView>(ProvinceDirectory.Codes.Length);
        foreach (var code in ProvinceDirectory.Codes)
        {
            views.Add(await GrainFactory.GetGrain<IProvinceGrain>(code).GetAsync());
        }

        return views;
    }

    private async Task<List<LecturerView>> LecturersAsync()
    {
        var registry = await GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).GetAsync();
        var views = new List<LecturerView>(registry.LecturerIds.Length);
        foreach (var id in registry.LecturerIds)
        {
            views.Add(await GrainFactory.GetGrain<ILecturerGrain>(id).GetAsync());
        }

        await KeepLecturerNamesAsync(views);

        // A lecturer qualified for a topic is qualified for the parts the cycle's curriculum split out of it.
        var lineage = string.IsNullOrEmpty(state.State.CurriculumVersion)
            ? []
            : (await GrainFactory.GetGrain<ICurriculumGrain>(state.State.CurriculumVersion).GetAsync()).Lineage;
        return lineage.IsDefaultOrEmpty
            ? views
            : [.. views.Select(v => v with { QualifiedTopics = CurriculumQualification.Expand(v.QualifiedTopics, lineage) })];
    }

    private async Task<ImmutableArray<Topic>> CurriculumTopicsAsync(string version)
    {
        try
        {
            return (await GrainFactory.GetGrain<ICurriculumGrain>(version).GetAsync()).Topics;
        }
        catch (NotFoundException)
        {
            throw new UnprocessableException("curriculumVersion", $"Curriculum '{version}' does not exist.");
        }
    }

    private static ImmutableArray<Escalation> AddEscalation(
        ImmutableArray<Escalation> escalations,
        EscalationKind kind,
        string courseId,
        string subjectKey,
        string detail,
        DateTimeOffset now) =>
        escalations.Any(e => e.SubjectKey == subjectKey && e.ResolvedAt is null)
            ? escalations
            : escalations.Add(new Escalation($"e{escalations.Length + 1:000}", kind, courseId, subjectKey, detail, now, null));

    private static ImmutableArray<Escalation> Resolve(ImmutableArray<Escalation> escalations, string subjectKey, DateTimeOffset now) =>
        [.. escalations.Select(e => e.SubjectKey == subjectKey && e.ResolvedAt is null ? e with { ResolvedAt = now } : e)];

    private string CourseKey(int number) => $"{Id}-c{number:00}";

    private static string SessionKey(string courseId, string sessionId) => $"{courseId}/{sessionId}";

    private static string AssignmentId(string sessionKey, int attempt) => $"{sessionKey.Replace('/', '-')}-a{attempt}";

    private static string HostingRequestId(string courseId, int attempt) => $"{courseId}-host-{attempt}";

    private void EnsureExists()
    {
        if (!state.RecordExists)
        {
            throw new NotFoundException("cycle", Id);
        }
    }

    private void EnsureStatus(string action, params CycleStatus[] allowed)
    {
        if (!allowed.Contains(state.State.Status))
        {
            throw new ConflictException(
                ConflictRules.InvalidTransition,
                $"Cannot {action} a cycle that is {state.State.Status} (allowed: {string.Join(", ", allowed)}).");
        }
    }

    private CycleView View()
    {
        var s = state.State;
        return new CycleView(
            Id, s.Start, s.End, s.CurriculumVersion, s.Status, s.CourseIds, s.PreviousCycleId, s.NextCycleId, s.PreviousHosts, s.PlanIssues,
            [.. s.Escalations.Where(e => e.ResolvedAt is null)], s.Recommendations);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} created with {Courses} courses")]
    private static partial void LogCreated(ILogger logger, string cycleId, int courses);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} planned: {Courses} courses placed, {Staffed} sessions staffed, {Issues} issues")]
    private static partial void LogPlanned(ILogger logger, string cycleId, int courses, int staffed, int issues);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId}: course {CourseId} refused the recorded plan and keeps what it has: {Reason}")]
    private static partial void LogScheduleRefused(ILogger logger, string cycleId, string courseId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} published: {Courses} hosting requests, {Offers} offers")]
    private static partial void LogPublished(ILogger logger, string cycleId, int courses, int offers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId} escalation {Kind} about {Subject}")]
    private static partial void LogEscalation(ILogger logger, string cycleId, EscalationKind kind, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId} refused follow-up {FollowUpId}")]
    private static partial void LogFollowUpRefused(ILogger logger, Exception exception, string cycleId, string followUpId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId} does not exist; follow-up {FollowUpId} acknowledged without effect")]
    private static partial void LogFollowUpForUnknownCycle(ILogger logger, string cycleId, string followUpId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Course {CourseId}: {DeclinedBy} declined to host; proposed to {Host}")]
    private static partial void LogHostReplaced(ILogger logger, string courseId, string declinedBy, string host);
}
