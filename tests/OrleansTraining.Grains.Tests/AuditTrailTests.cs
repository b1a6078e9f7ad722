using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Common.Audit;
using OrleansTraining.Grains.Cycles;
using OrleansTraining.Grains.Lecturers;
using OrleansTraining.Silo.Serialization;

namespace OrleansTraining.Grains.Tests;

/// <summary>The audit entry is part of the change: written by StateUpdates with it, or not at all.</summary>
public sealed class AuditTrailTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 8, 30, 0, TimeSpan.Zero);

    private static LecturerState Lecturer() => new()
    {
        FullName = "Nguyễn Văn A",
        Department = "Vụ Cán bộ",
        QualifiedTopics = ["cadre-work"],
        HomeProvince = "ha-noi",
        MaxSessionsPerCycle = 10,
    };

    private static void AsCaller(string actor, string role, string requestId)
    {
        RequestContext.Clear();
        RequestContext.Set(AuditContext.Actor, actor);
        RequestContext.Set(AuditContext.Role, role);
        RequestContext.Set(AuditContext.ActsFor, "l-1");
        RequestContext.Set(AuditContext.RequestId, requestId);
        AuditScope.Current = new AuditScope("lecturer/l-1", "AddUnavailableDate", new FakeTimeProvider(Now));
    }

    [Fact]
    public async Task A_change_records_the_caller_the_request_the_time_and_each_changed_field_before_and_after()
    {
        AsCaller("gv-l-1", "lecturer", "req-42");
        var state = new FakeState<LecturerState>(Lecturer());

        await state.UpdateAsync(s => s with { Department = "Vụ Tổ chức", UnavailableDates = s.UnavailableDates.Add(new DateOnly(2027, 3, 3)) });

        var entry = Assert.Single(state.Written.Audit);
        Assert.Equal(("gv-l-1", "lecturer", "l-1", "req-42"), (entry.Actor, entry.Role, entry.ActsFor, entry.RequestId));
        Assert.Equal(("lecturer/l-1", "AddUnavailableDate", Now), (entry.Grain, entry.Operation, entry.At));
        Assert.Equal(
            [new AuditChange("department", "Vụ Cán bộ", "Vụ Tổ chức"), new AuditChange("unavailableDates[+]", null, "2027-03-03")],
            entry.Changes.ToArray());
    }

    [Fact]
    public async Task A_list_without_keys_records_only_the_values_gone_and_added_counting_repeats()
    {
        AsCaller("gv-l-1", "lecturer", "req-7");
        DateOnly Day(int d) => new(2027, 3, d);
        var state = new FakeState<LecturerState>(Lecturer() with { UnavailableDates = [Day(1), Day(1), Day(2), Day(4)] });

        await state.UpdateAsync(s => s with { UnavailableDates = [Day(4), Day(1), Day(3)] });

        Assert.Equal(
            [new AuditChange("unavailableDates[-]", "2027-03-01", null), new AuditChange("unavailableDates[-]", "2027-03-02", null),
             new AuditChange("unavailableDates[+]", null, "2027-03-03")],
            Assert.Single(state.Written.Audit).Changes.ToArray());
    }

    [Fact]
    public async Task A_change_inside_a_keyed_entry_names_the_entry_and_the_field()
    {
        AsCaller("gv-l-1", "lecturer", "req-1");
        var offer = new TeachingOffer("o1", "2027-2028", "c1", "s01", "cadre-work", new DateOnly(2027, 3, 3), SessionSlot.Morning, TeachingMethod.Lecture, "hue", Now);
        var state = new FakeState<LecturerState>(Lecturer() with
        {
            Assignments = [new AssignmentView(offer, "l-1", AssignmentStatus.Offered, null, false, Now, null)],
        });

        await state.UpdateAsync(s => s with { Assignments = [s.Assignments[0] with { Status = AssignmentStatus.Accepted }] });

        Assert.Equal([new AuditChange("assignments[o1].status", "Offered", "Accepted")], Assert.Single(state.Written.Audit).Changes.ToArray());
    }

    [Fact]
    public async Task Without_a_caller_the_change_is_the_systems_and_secrets_show_only_that_they_changed()
    {
        RequestContext.Clear();
        AuditScope.Current = null;
        var state = new FakeState<LecturerState>(Lecturer() with { CalendarFeedHash = "abc123" });

        await state.UpdateAsync(s => s with { CalendarFeedHash = "def456" });

        var entry = Assert.Single(state.Written.Audit);
        Assert.Equal((AuditContext.System, AuditContext.System, null), (entry.Actor, entry.Role, entry.RequestId));
        Assert.Equal([new AuditChange("calendarFeedHash", "(hidden)", "(hidden)")], entry.Changes.ToArray());
        Assert.DoesNotContain("def456", string.Join(" ", entry.Changes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_change_records_nothing_and_writes_nothing()
    {
        AsCaller("gv-l-1", "lecturer", "req-2");
        var state = new FakeState<LecturerState>(Lecturer());

        await Assert.ThrowsAsync<ConflictException>(() => state.UpdateAsync<LecturerState>(_ => throw new ConflictException(ConflictRules.AlreadyAnswered, "no")));

        Assert.Equal(0, state.Writes);
        Assert.Empty(state.State.Audit);
    }

    [Fact]
    public async Task A_write_that_fails_leaves_neither_the_change_nor_its_entry()
    {
        AsCaller("gv-l-1", "lecturer", "req-3");
        var state = new FakeState<LecturerState>(Lecturer()) { Fail = true };

        await Assert.ThrowsAsync<IOException>(() => state.UpdateAsync(s => s with { Department = "Vụ Tổ chức" }));

        Assert.Equal("Vụ Cán bộ", state.State.Department);
        Assert.Empty(state.State.Audit);
    }

    [Fact]
    public async Task Bookkeeping_of_follow_ups_and_a_change_to_the_same_values_record_nothing()
    {
        AsCaller("gv-l-1", "lecturer", "req-4");
        var state = new FakeState<LecturerState>(Lecturer());
        var followUp = new FollowUp("f1", FollowUpKind.OfferAnswered, "2027-2028", Now);

        await state.UpdateAsync(s => s with { Outbox = s.Outbox.Add(followUp) });
        await state.UpdateAsync(s => s with { QualifiedTopics = ["cadre-work"] });

        Assert.Equal(2, state.Writes);
        Assert.Empty(state.Written.Audit);
    }

    [Fact]
    public async Task Each_entry_is_numbered_and_an_old_trail_stays_pending_whole_until_the_log_has_it()
    {
        AsCaller("board", "board", "req-5");
        // A state stored before the audit log: 1,000 entries (the old cap) and no count.
        var old = Enumerable.Range(0, 1000)
            .Select(i => new AuditEntry(Now, "board", "board", null, $"old-{i}", "lecturer/l-1", "Create", []))
            .ToImmutableArray();
        var state = new FakeState<LecturerState>(Lecturer() with { Audit = old });

        await state.UpdateAsync(s => s with { MaxSessionsPerCycle = 12 });
        await state.UpdateAsync(s => s with { MaxSessionsPerCycle = 13 });

        Assert.Equal(1002, state.Written.Audit.Length);
        Assert.Equal(1002, state.Written.AuditCount);
        Assert.Equal("old-0", state.Written.Audit[0].RequestId);
        Assert.Equal("req-5", state.Written.Audit[^1].RequestId);
        Assert.Equal(new AuditPending(1, state.Written.Audit), AuditPending.Of(state.Written));
    }

    [Fact]
    public async Task The_entries_and_their_numbers_carry_on_from_the_state_decided_on_whatever_the_decision_returns()
    {
        AsCaller("board", "board", "req-6");
        var earlier = new AuditEntry(Now, "board", "board", null, "req-earlier", "lecturer/l-1", "Create", []);
        var state = new FakeState<LecturerState>(Lecturer() with { Audit = [earlier], AuditCount = 7 });

        await state.UpdateAsync(s => s with { Department = "Vụ Tổ chức", Audit = [], AuditCount = 0 });

        Assert.Equal(["req-earlier", "req-6"], state.Written.Audit.Select(e => e.RequestId));
        Assert.Equal(8, state.Written.AuditCount);
        Assert.Equal(new AuditPending(7, state.Written.Audit), AuditPending.Of(state.Written));
    }

    [Fact]
    public async Task Pages_read_newest_first_across_the_pending_entries_and_the_log_and_bad_paging_names_the_field()
    {
        static AuditEntry Entry(int i) => new(Now, "board", "board", null, $"r{i}", "cycle/x", "Plan", []);
        var log = new MemoryAuditLog();
        // 1-22 are in the log; 21-25 still pending in the state (21 and 22 appended but not yet dropped).
        await log.AppendAsync("cycle/x", 1, [.. Enumerable.Range(1, 22).Select(Entry)]);
        var state = new CycleState { Audit = [.. Enumerable.Range(21, 5).Select(Entry)], AuditCount = 25 };

        var first = await AuditTrail.PageAsync(log, "cycle/x", state, 1, 3);
        var second = await AuditTrail.PageAsync(log, "cycle/x", state, 2, 10);
        var third = await AuditTrail.PageAsync(log, "cycle/x", state, 3, 10);
        var beyond = await AuditTrail.PageAsync(log, "cycle/x", state, 4, 10);
        var whole = await AuditTrail.PageAsync(log, "cycle/x", state, 1, 100);

        Assert.Equal((1, 3, 25), (first.Page, first.PageSize, first.Total));
        Assert.Equal(["r25", "r24", "r23"], first.Entries.Select(e => e.RequestId));
        Assert.Equal((2, 10, 25), (second.Page, second.PageSize, second.Total));
        Assert.Equal(Enumerable.Range(6, 10).Reverse().Select(i => $"r{i}"), second.Entries.Select(e => e.RequestId));
        Assert.Equal(Enumerable.Range(1, 5).Reverse().Select(i => $"r{i}"), third.Entries.Select(e => e.RequestId));
        Assert.Empty(beyond.Entries);
        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(i => $"r{i}"), whole.Entries.Select(e => e.RequestId));
        Assert.Equal("page", (await Assert.ThrowsAsync<DomainValidationException>(() => AuditTrail.PageAsync(log, "cycle/x", state, 0, 10))).Field);
        Assert.Equal("pageSize", (await Assert.ThrowsAsync<DomainValidationException>(() => AuditTrail.PageAsync(log, "cycle/x", state, 1, AuditTrail.MaxPageSize + 1))).Field);
    }

    [Fact]
    public void A_state_stored_before_auditing_reads_with_an_empty_trail_and_a_trail_survives_storage()
    {
        var serializer = new SystemTextJsonGrainStorageSerializer();
        var old = serializer.Deserialize<LecturerState>(BinaryData.FromString("""{"fullName":"Nguyễn Văn A","maxSessionsPerCycle":10}"""))!;
        var entry = new AuditEntry(Now, "board", "board", null, "r1", "lecturer/l-1", "Create", [new AuditChange("fullName", "", "A")]);

        var stored = serializer.Deserialize<LecturerState>(serializer.Serialize(old with { Audit = [entry] }))!;

        Assert.False(old.Audit.IsDefault);
        Assert.Empty(old.Audit);
        Assert.Equal(entry, Assert.Single(stored.Audit) with { Changes = entry.Changes });
        Assert.Equal(entry.Changes.ToArray(), stored.Audit[0].Changes.ToArray());
    }

    /// <summary>An in-memory persistent state that counts writes and can fail them.</summary>
    private sealed class FakeState<T>(T initial) : IPersistentState<T>
    {
        public T State { get; set; } = initial;

        public T Written { get; private set; } = initial;

        public int Writes { get; private set; }

        public bool Fail { get; init; }

        public string? Etag => null;

        public bool RecordExists => true;

        public Task ClearStateAsync() => Task.CompletedTask;

        public Task ReadStateAsync() => Task.CompletedTask;

        public Task WriteStateAsync()
        {
            if (Fail)
            {
                throw new IOException("The database is gone.");
            }

            Writes++;
            Written = State;
            return Task.CompletedTask;
        }
    }
}
