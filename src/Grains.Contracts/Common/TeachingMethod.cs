namespace OrleansTraining.Grains.Common;

/// <summary>How a session is taught: giảng (lecture), hướng dẫn thảo luận (discussion), nghiên cứu thực tế (field study).</summary>
[GenerateSerializer, Alias("ot.TeachingMethod")]
public enum TeachingMethod
{
    Lecture,
    Discussion,
    FieldStudy,
}
