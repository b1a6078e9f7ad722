namespace OrleansTraining.Grains.Courses;

/// <summary>
/// Proposed (no host yet) → Planned → Published (requests sent) → HostConfirmed → Held → Closed (attendance and
/// evaluations frozen) → Reported (its cycle closed); Cancelled aside.
/// </summary>
[GenerateSerializer, Alias("ot.CourseStatus")]
public enum CourseStatus
{
    Proposed,
    Planned,
    Published,
    HostConfirmed,
    Held,
    Reported,
    Cancelled,
    Closed,
}

/// <summary>Trainee positions the source document names: trưởng phòng, phó phòng, chuyên viên.</summary>
[GenerateSerializer, Alias("ot.TraineePosition")]
public enum TraineePosition
{
    Head,
    DeputyHead,
    Specialist,
}

/// <summary>Provincial organisation board (ban tổ chức tỉnh ủy) or district-level (cấp huyện và tương đương).</summary>
[GenerateSerializer, Alias("ot.AdministrativeLevel")]
public enum AdministrativeLevel
{
    Provincial,
    District,
}

/// <summary>Where a session stands in staffing.</summary>
[GenerateSerializer, Alias("ot.StaffingStatus")]
public enum StaffingStatus
{
    Unstaffed,
    Proposed,
    Offered,
    Accepted,
}

/// <summary>How an evaluation reached the course: the trainee's own link, a paper form the board typed in, or an old record.</summary>
[GenerateSerializer, Alias("ot.EvaluationSource")]
public enum EvaluationSource
{
    Link,
    Paper,
    Historical,
}
