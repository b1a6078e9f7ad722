using System.Collections.Immutable;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Grains.Materials;

public sealed partial class MaterialsGrain(
    [PersistentState("materials", GrainStorage.Name)] IPersistentState<MaterialsState> state,
    TimeProvider time,
    IOptions<DeadlineOptions> deadlines,
    ILogger<MaterialsGrain> logger) : Grain, IMaterialsGrain, IRemindable
{
    private const string TellCourseReminder = "materials-ready";
    private const string RemindLecturersReminder = "materials-remind-lecturers";
    private const int MaxFilesPerTopic = 10;

    private string CourseId => this.GetPrimaryKeyString();

    public async Task<MaterialView> UploadAsync(MaterialUpload upload, MaterialsReader uploader)
    {
        Require.Present(upload, "upload");
        Require.Present(uploader, "uploader");
        var course = await CourseAsync();
        var topic = Require.Text(upload.TopicCode, "topicCode", 100);
        var topics = Topics(course);
        if (!topics.Contains(topic))
        {
            throw new DomainValidationException("topicCode", topics.IsEmpty
                ? "The course has no sessions yet: materials come once it is planned."
                : $"The course teaches no topic '{topic}'; it teaches {string.Join(", ", topics)}.");
        }

        if (!MaterialsAccess.CanUpload(course, uploader, topic))
        {
            throw new ForbiddenException($"Only the board or a lecturer teaching '{topic}' in this course adds its materials.");
        }

        if (course.Status is CourseStatus.Cancelled or CourseStatus.Closed or CourseStatus.Reported)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, $"The course is {course.Status}; its materials are closed.");
        }

        var fileName = Path.GetFileName(Require.Text(upload.FileName, "fileName", 200));
        var contentType = MaterialFileTypes.Check(fileName, upload.Content);
        if (state.State.Files.Count(f => f.TopicCode == topic) >= MaxFilesPerTopic)
        {
            throw new ConflictException(ConflictRules.InvalidTransition, $"'{topic}' already has {MaxFilesPerTopic} files; remove one first.");
        }

        var now = time.GetUtcNow();
        var id = $"m{state.State.Added + 1:000}";
        var material = new MaterialView(
            id, topic, fileName, contentType, upload.Content.Length, Convert.ToHexStringLower(SHA256.HashData(upload.Content)), MaterialsAccess.Name(uploader), now);
        // The bytes first, then the list: the list never names a file that is not stored.
        await GrainFactory.GetGrain<IMaterialFileGrain>($"{CourseId}/{id}").StoreAsync(upload.Content);
        var ready = state.State.ReadyAt is null && topics.All(t => t == topic || state.State.Files.Any(f => f.TopicCode == t));
        if (ready)
        {
            // The durable retry exists before the decision it serves is written.
            await this.RegisterOrUpdateReminder(TellCourseReminder, FollowUpOutbox.ReminderPeriod, FollowUpOutbox.ReminderPeriod);
        }

        await state.UpdateAsync(s => s with
        {
            Files = s.Files.Add(material),
            Added = s.Added + 1,
            ReadyAt = s.ReadyAt ?? (ready ? now : null),
        });
        LogUploaded(logger, CourseId, id, topic, material.Size);
        await TellCourseAsync();
        return material;
    }

    public async Task<CourseMaterials> GetAsync(MaterialsReader reader)
    {
        var course = await CourseAsync();
        EnsureMayRead(course, reader);
        var topics = Topics(course);
        return new CourseMaterials(
            CourseId,
            state.State.Files,
            [.. topics.Where(t => !state.State.Files.Any(f => f.TopicCode == t))],
            state.State.ReadyAt,
            AvailableFrom(course));
    }

    public async Task<MaterialFile> DownloadAsync(string materialId, MaterialsReader reader)
    {
        var course = await CourseAsync();
        EnsureMayRead(course, reader);
        var material = state.State.Files.FirstOrDefault(f => f.Id == materialId) ?? throw new NotFoundException("material", materialId ?? "");
        return new MaterialFile(material, await GrainFactory.GetGrain<IMaterialFileGrain>($"{CourseId}/{material.Id}").ReadAsync());
    }

    public async Task RemoveAsync(string materialId, MaterialsReader remover)
    {
        Require.Present(remover, "remover");
        var material = state.State.Files.FirstOrDefault(f => f.Id == materialId) ?? throw new NotFoundException("material", materialId ?? "");
        if (remover.Role != MaterialsRole.Board && material.UploadedBy != MaterialsAccess.Name(remover))
        {
            throw new ForbiddenException("Only the board or whoever uploaded a file removes it.");
        }

        // The list first, then the bytes: a file left behind by a failure is unreachable, never a dangling entry.
        await state.UpdateAsync(s => s with { Files = s.Files.RemoveAll(f => f.Id == materialId) });
        await GrainFactory.GetGrain<IMaterialFileGrain>($"{CourseId}/{material.Id}").DeleteAsync();
    }

    public Task ArmLecturerRemindersAsync(DateOnly courseStart)
    {
        var due = courseStart.AddDays(-deadlines.Value.MaterialsDaysBeforeStart - deadlines.Value.MaterialsReminderDaysBeforeDue);
        return this.RegisterDeadlineAsync(RemindLecturersReminder, Deadlines.StartOfDay(due), time);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == TellCourseReminder)
        {
            await TellCourseAsync();
        }
        else if (reminderName == RemindLecturersReminder)
        {
            await RemindLecturersAsync();
        }
    }

    /// <summary>
    /// Each lecturer with a live session of a topic still without files is told once (the notice id says which topic and
    /// course); when a lecturer cannot be reached the reminder fires again a minute later and repeats only the missing ones.
    /// </summary>
    private async Task RemindLecturersAsync()
    {
        var course = await CourseAsync();
        if (course.Status is CourseStatus.Published or CourseStatus.HostConfirmed && course.Start is DateOnly start)
        {
            var due = start.AddDays(-deadlines.Value.MaterialsDaysBeforeStart);
            var now = time.GetUtcNow();
            var missing = Topics(course).Where(t => !state.State.Files.Any(f => f.TopicCode == t)).ToHashSet(StringComparer.Ordinal);
            var owed = course.Sessions
                .Where(s => missing.Contains(s.TopicCode) && s.LecturerId is not null && s.Staffing is StaffingStatus.Offered or StaffingStatus.Accepted)
                .Select(s => (s.LecturerId!, s.TopicCode))
                .Distinct();
            foreach (var (lecturerId, topic) in owed)
            {
                var notice = new LecturerNotice(
                    $"{CourseId}:materials:{topic}",
                    "MaterialsMissing",
                    CourseId,
                    $"Tài liệu chuyên đề {topic} của lớp \"{course.Title}\" chưa được tải lên; hạn gửi cho học viên là {due:dd/MM/yyyy}.",
                    now);
                await GrainFactory.GetGrain<ILecturerGrain>(lecturerId).ReceiveNoticeAsync(notice); // a failure throws: the reminder fires again
            }

            LogLecturersReminded(logger, CourseId, missing.Count);
        }

        await this.UnregisterIfPresentAsync(RemindLecturersReminder);
    }

    /// <summary>The course records the day its materials were ready, as if sent; that also clears its overdue flag.</summary>
    private async Task TellCourseAsync()
    {
        if (state.State.ReadyAt is not DateTimeOffset readyAt || state.State.CourseTold)
        {
            await this.UnregisterIfPresentAsync(TellCourseReminder);
            return;
        }

        try
        {
            await GrainFactory.GetGrain<ICourseGrain>(CourseId).MarkMaterialsSentAsync(DateOnly.FromDateTime(readyAt.ToOffset(Deadlines.VietnamOffset).DateTime));
        }
        catch (DomainException refused)
        {
            LogCourseRefused(logger, refused, CourseId); // e.g. cancelled meanwhile: nothing left to tell
        }
        catch (Exception failed) when (failed is TimeoutException or OrleansException)
        {
            LogCourseNotTold(logger, failed, CourseId); // the reminder tells it again
            return;
        }

        await state.UpdateAsync(s => s with { CourseTold = true });
        await this.UnregisterIfPresentAsync(TellCourseReminder);
    }

    private async Task<CourseView> CourseAsync() => await GrainFactory.GetGrain<ICourseGrain>(CourseId).GetAsync();

    private static ImmutableArray<string> Topics(CourseView course) => [.. course.Sessions.Select(s => s.TopicCode).Distinct(StringComparer.Ordinal)];

    private DateOnly? AvailableFrom(CourseView course) => course.Start?.AddDays(-deadlines.Value.MaterialsDaysBeforeStart);

    private void EnsureMayRead(CourseView course, MaterialsReader reader)
    {
        Require.Present(reader, "reader");
        if (!MaterialsAccess.CanRead(course, reader))
        {
            throw new ForbiddenException("Only the board, the course's lecturers, its host and nominating provinces, and its trainees read its materials.");
        }

        if (reader.Role == MaterialsRole.Trainee && (AvailableFrom(course) is not DateOnly from || Deadlines.Today(time) < from))
        {
            throw new ConflictException(ConflictRules.InvalidTransition, $"The materials open to trainees on {AvailableFrom(course):yyyy-MM-dd}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Course {CourseId}: lecturers reminded of {Topics} topics without materials")]
    private static partial void LogLecturersReminded(ILogger logger, string courseId, int topics);

    [LoggerMessage(Level = LogLevel.Information, Message = "Course {CourseId}: material {MaterialId} for {Topic} stored ({Size} bytes)")]
    private static partial void LogUploaded(ILogger logger, string courseId, string materialId, string topic, long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Course {CourseId} refused the materials' ready date")]
    private static partial void LogCourseRefused(ILogger logger, Exception exception, string courseId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Course {CourseId} could not be told its materials are ready; retrying")]
    private static partial void LogCourseNotTold(ILogger logger, Exception exception, string courseId);
}
