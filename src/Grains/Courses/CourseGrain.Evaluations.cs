using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Courses;

/// <summary>
/// Trainees rate each session (content, method, usefulness) through a personal single-use link, or the board types in
/// a paper form. A link is "&lt;course id&gt;.&lt;secret&gt;": 256 random bits, of which the course keeps only the hash.
/// </summary>
public sealed partial class CourseGrain
{
    public async Task<ImmutableArray<EvaluationLink>> IssueEvaluationLinksAsync()
    {
        EnsureExists();
        EnsureOpenForResults(state.State, "Evaluation");
        var now = time.GetUtcNow();
        var evaluated = state.State.EvaluationTickets.Where(t => t.UsedAt is not null).Select(t => t.TraineeId).ToHashSet(StringComparer.Ordinal);
        var links = state.State.Trainees
            .Where(t => !evaluated.Contains(t.TraineeId))
            .Select(t => (Trainee: t, Secret: NewSecret()))
            .ToList();
        await state.UpdateAsync(s =>
        {
            EnsureOpenForResults(s, "Evaluation");
            var reissued = links.Select(l => l.Trainee.TraineeId).ToHashSet(StringComparer.Ordinal);
            return s with
            {
                EvaluationTickets = s.EvaluationTickets
                    .RemoveAll(t => t.UsedAt is null && reissued.Contains(t.TraineeId))
                    .AddRange(links.Select(l => new EvaluationTicket(Hash(l.Secret), l.Trainee.TraineeId, now, null))),
            };
        });
        return [.. links.Select(l => new EvaluationLink(l.Trainee.TraineeId, l.Trainee.ProvinceCode, l.Trainee.Trainee.FullName, $"{Id}.{l.Secret}"))];
    }

    public Task<EvaluationFormView> GetEvaluationFormAsync(string secret)
    {
        var (ticket, trainee) = FindTicket(secret);
        if (ticket.UsedAt is not null)
        {
            throw new ConflictException(ConflictRules.EvaluationAlreadySubmitted, "This evaluation link has been used.");
        }

        var s = state.State;
        return Task.FromResult(new EvaluationFormView(
            Id, s.Title, s.HostProvince, s.Start, s.End, trainee.Trainee.FullName,
            [.. s.Sessions.Select(x => new EvaluationSession(x.SessionId, x.TopicCode, x.Date, x.Slot, x.Method, x.LecturerId))]));
    }

    public async Task SubmitEvaluationAsync(string secret, EvaluationForm form)
    {
        var (ticket, trainee) = FindTicket(secret);
        Require.Present(form, "form");
        // The link says who rates; a body naming someone else is refused rather than ignored, so no client believes it rated for them.
        if (form.TraineeId is { } named && !string.Equals(named, trainee.TraineeId, StringComparison.Ordinal))
        {
            throw new DomainValidationException("traineeId", "An evaluation link rates as its own trainee; the body may not name another.");
        }

        var rows = CheckForm(form.Ratings, trainee, EvaluationSource.Link);
        var now = time.GetUtcNow();
        await state.UpdateAsync(s =>
        {
            var current = s.EvaluationTickets.FirstOrDefault(t => t.SecretHash == ticket.SecretHash)
                ?? throw new NotFoundException("evaluation", "link");
            if (current.UsedAt is not null)
            {
                throw new ConflictException(ConflictRules.EvaluationAlreadySubmitted, "This evaluation link has been used.");
            }

            EnsureOpenForResults(s, "Evaluation");
            return s with
            {
                Evaluations = s.Evaluations.AddRange(rows),
                EvaluationTickets = s.EvaluationTickets.Replace(current, current with { UsedAt = now }),
            };
        });
    }

    public async Task<CourseView> RecordEvaluationAsync(PaperEvaluation evaluation)
    {
        EnsureExists();
        Require.Present(evaluation, "evaluation");
        NominatedTrainee? trainee = null;
        if (!string.IsNullOrWhiteSpace(evaluation.TraineeId))
        {
            trainee = state.State.Trainees.FirstOrDefault(t => t.TraineeId == evaluation.TraineeId)
                ?? throw new UnprocessableException("traineeId", $"'{evaluation.TraineeId}' is not a trainee of this course.");
        }

        var rows = CheckForm(evaluation.Ratings, trainee, EvaluationSource.Paper);
        var now = time.GetUtcNow();
        await state.UpdateAsync(s =>
        {
            EnsureOpenForResults(s, "Evaluation");
            if (trainee is null)
            {
                return s with { Evaluations = s.Evaluations.AddRange(rows) };
            }

            // A trainee who filled in paper has used their one evaluation: their link (if any) stops working.
            if (s.EvaluationTickets.Any(t => t.TraineeId == trainee.TraineeId && t.UsedAt is not null))
            {
                throw new ConflictException(ConflictRules.EvaluationAlreadySubmitted, $"Trainee '{trainee.TraineeId}' has already evaluated the course.");
            }

            var tickets = s.EvaluationTickets.Any(t => t.TraineeId == trainee.TraineeId)
                ? [.. s.EvaluationTickets.Select(t => t.TraineeId == trainee.TraineeId ? t with { UsedAt = now } : t)]
                : s.EvaluationTickets.Add(new EvaluationTicket("", trainee.TraineeId, now, now));
            return s with { Evaluations = s.Evaluations.AddRange(rows), EvaluationTickets = tickets };
        });
        return View();
    }

    public Task<ImmutableArray<SessionEvaluationSummary>> GetEvaluationSummaryAsync(string? lecturerId)
    {
        EnsureExists();
        var s = state.State;
        var sessions = s.Sessions.Where(x => lecturerId is null || x.LecturerId == lecturerId);
        return Task.FromResult<ImmutableArray<SessionEvaluationSummary>>([
            .. sessions
                .Select(x => (Session: x, Rows: s.Evaluations.Where(e => e.SessionId == x.SessionId).ToList()))
                .Where(x => x.Rows.Count > 0)
                .Select(x => new SessionEvaluationSummary(
                    Id,
                    x.Session.SessionId,
                    x.Session.TopicCode,
                    x.Session.Date,
                    x.Session.Method,
                    x.Session.LecturerId,
                    x.Rows.Count,
                    Math.Round(x.Rows.Average(e => e.Content), 2),
                    Math.Round(x.Rows.Average(e => e.Method), 2),
                    Math.Round(x.Rows.Average(e => e.Usefulness), 2))),
        ]);
    }

    /// <summary>One rating per session of the course, each 1–5 on every criterion.</summary>
    private ImmutableArray<EvaluationView> CheckForm(ImmutableArray<EvaluationRequest> ratings, NominatedTrainee? trainee, EvaluationSource source)
    {
        var list = ratings.IsDefault ? [] : ratings;
        var sessions = state.State.Sessions;
        var rows = list.Select((r, i) => ToEvaluation(r, sessions, $"ratings[{i}].", trainee, source)).ToImmutableArray();
        var repeated = rows.Select((r, i) => (r.SessionId, i)).GroupBy(x => x.SessionId).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new DomainValidationException($"ratings[{repeated.Skip(1).First().i}].sessionId", $"Session '{repeated.Key}' is rated twice.");
        }

        var missing = sessions.Select(x => x.SessionId).Except(rows.Select(r => r.SessionId)).ToList();
        return missing.Count == 0
            ? rows
            : throw new DomainValidationException("ratings", $"Every session is rated once; missing: {string.Join(", ", missing)}.");
    }

    private (EvaluationTicket Ticket, NominatedTrainee Trainee) FindTicket(string secret)
    {
        EnsureExists();
        var hash = Hash(secret ?? "");
        var ticket = state.State.EvaluationTickets.FirstOrDefault(t => t.SecretHash.Length > 0 && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(t.SecretHash), Encoding.ASCII.GetBytes(hash)));
        var trainee = ticket is null ? null : state.State.Trainees.FirstOrDefault(t => t.TraineeId == ticket.TraineeId);
        return ticket is null || trainee is null ? throw new NotFoundException("evaluation", "link") : (ticket, trainee);
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
