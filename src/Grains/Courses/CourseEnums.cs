namespace OrleansTraining.Grains.Courses;

/// <summary>Proposed (no host yet) → Planned → Published (requests sent) → HostConfirmed → Held → Reported; Cancelled aside.</summary>
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
public enum TraineePosition
{
    Head,
    DeputyHead,
    Specialist,
}

/// <summary>Provincial organisation board (ban tổ chức tỉnh ủy) or district-level (cấp huyện và tương đương).</summary>
public enum AdministrativeLevel
{
    Provincial,
    District,
}

/// <summary>Where a session stands in staffing.</summary>
public enum StaffingStatus
{
    Unstaffed,
    Proposed,
    Offered,
    Accepted,
}
