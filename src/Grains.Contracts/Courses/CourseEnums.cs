namespace OrleansTraining.Grains.Courses;

/// <summary>Proposed (no host yet) → Planned → Published (requests sent) → HostConfirmed → Held → Reported; Cancelled aside.</summary>
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
