
namespace OrleansTraining.Grains.Materials;

/// <summary>
/// The materials of one course (key: the course id), the source document's main request: each topic's files, kept in
/// the database, sent ahead so trainees can prepare. Access follows the course: the board, its lecturers, its host and
/// nominating provinces; trainees from a set number of days before the start.
/// </summary>
[Alias("ot.IMaterialsGrain")]
public interface IMaterialsGrain : IGrainWithStringKey
{
    /// <summary>Adds a file for a topic of the course; the board, or a lecturer teaching that topic in the course.</summary>
    Task<MaterialView> UploadAsync(MaterialUpload upload, MaterialsReader uploader);

    Task<CourseMaterials> GetAsync(MaterialsReader reader);

    Task<MaterialFile> DownloadAsync(string materialId, MaterialsReader reader);

    /// <summary>Removes a file; the board or whoever uploaded it.</summary>
    Task RemoveAsync(string materialId, MaterialsReader remover);

    /// <summary>
    /// Course side, when it is published: reminds the lecturers of topics still without materials a week before they are
    /// due. Only registers a reminder (it calls nobody), so it may interleave with a turn that waits on the course.
    /// </summary>
    [AlwaysInterleave]
    Task ArmLecturerRemindersAsync(DateOnly courseStart);
}

/// <summary>One stored file's bytes (key: "&lt;courseId&gt;/&lt;materialId&gt;"), apart from the list so the list stays small.</summary>
[Alias("ot.IMaterialFileGrain")]
public interface IMaterialFileGrain : IGrainWithStringKey
{
    Task StoreAsync(byte[] content);

    [ReadOnly]
    Task<byte[]> ReadAsync();

    Task DeleteAsync();
}
