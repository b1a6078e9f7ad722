using OrleansTraining.Grains.Courses;

namespace OrleansTraining.Grains.Materials;

/// <summary>Who may read and who may add a course's materials: the rules, apart from the grain that applies them.</summary>
public static class MaterialsAccess
{
    /// <summary>The board; the course's lecturers; its host province and the provinces that nominated to it; its trainees.</summary>
    public static bool CanRead(CourseView course, MaterialsReader reader) => reader.Role switch
    {
        MaterialsRole.Board => true,
        MaterialsRole.Lecturer => course.Sessions.Any(s => s.LecturerId == reader.Id && IsLive(s)),
        MaterialsRole.Province => course.HostProvince == reader.Id || course.Trainees.Any(t => t.ProvinceCode == reader.Id),
        MaterialsRole.Trainee => course.Trainees.Any(t => t.TraineeId == reader.Id),
        _ => false,
    };

    /// <summary>The board, or a lecturer offered or given a session of that topic in the course.</summary>
    public static bool CanUpload(CourseView course, MaterialsReader uploader, string topicCode) => uploader.Role switch
    {
        MaterialsRole.Board => true,
        MaterialsRole.Lecturer => course.Sessions.Any(s => s.TopicCode == topicCode && s.LecturerId == uploader.Id && IsLive(s)),
        _ => false,
    };

    public static string Name(MaterialsReader who) => who.Role == MaterialsRole.Board ? "board" : $"{who.Role.ToString().ToLowerInvariant()}:{who.Id}";

    private static bool IsLive(SessionView session) => session.Staffing is StaffingStatus.Offered or StaffingStatus.Accepted;
}
