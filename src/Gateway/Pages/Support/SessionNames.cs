using OrleansTraining.Grains.Courses;
using OrleansTraining.Grains.Curricula;
using OrleansTraining.Grains.Lecturers;

namespace OrleansTraining.Gateway.Pages.Support;

/// <summary>Topic titles (in the page's language) and lecturer names for a course's sessions; codes when unknown.</summary>
public sealed class SessionNames
{
    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lecturers = new(StringComparer.Ordinal);

    public static async Task<SessionNames> LoadAsync(IGrainFactory grains, string courseId, IEnumerable<string?> lecturerIds)
    {
        var names = new SessionNames();
        var course = await grains.GetGrain<ICourseGrain>(courseId).GetAsync();
        foreach (var topic in (await grains.GetGrain<ICurriculumGrain>(course.CurriculumVersion).GetAsync()).Topics)
        {
            names._topics[topic.Code] = topic;
        }

        var found = await Task.WhenAll(lecturerIds.OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(async id => (Id: id, (await grains.GetGrain<ILecturerGrain>(id).GetAsync()).FullName)));
        foreach (var (id, name) in found)
        {
            names._lecturers[id] = name;
        }

        return names;
    }

    public string Topic(string code) =>
        _topics.TryGetValue(code, out var topic) ? (PageCultures.IsEnglish ? topic.TitleEn : topic.TitleVi) : code;

    public string Lecturer(string? id) => id is null ? "—" : _lecturers.GetValueOrDefault(id, id);
}
