using System.Collections.Immutable;
using OrleansTraining.Grains.Lecturers;
using static OrleansTraining.Grains.Curricula.CurriculumCatalog;

namespace OrleansTraining.Grains.Demo;

/// <summary>
/// Forty lecturers from the board's departments (vụ). The 2012 report says lecturers are leaders of the specialised
/// departments, each expert in its field, so qualifications follow the department.
/// </summary>
public static class DemoLecturers
{
    private const int MaxSessions = 12;

    private static readonly (string Department, string Home, ImmutableArray<string> Topics, string[] Names)[] Departments =
    [
        ("Lãnh đạo Ban Tổ chức Trung ương", "ha-noi", [CongressResolution, CadreWork], ["Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lê Minh Quang"]),
        ("Vụ Tổ chức - Điều lệ", "ha-noi", [PartyCharter, CongressResolution], ["Phạm Quốc Tuấn", "Hoàng Thị Lan", "Vũ Đức Thắng", "Đặng Văn Long", "Bùi Thị Hằng"]),
        ("Vụ Tổ chức cơ sở đảng", "ha-noi", [Grassroots, PartyMembers], ["Đỗ Mạnh Cường", "Ngô Thị Mai", "Dương Văn Bình", "Lý Thị Hoa", "Trịnh Xuân Sơn"]),
        ("Vụ Cán bộ", "ha-noi", [CadreWork, CadreEvaluation, CadrePlanning], ["Phan Văn Dũng", "Võ Thị Ngọc", "Đinh Công Hoàng", "Tạ Thị Hương", "Cao Văn Thành"]),
        ("Vụ Bảo vệ chính trị nội bộ", "ha-noi", [InternalProtection], ["Mai Văn Phúc", "Lương Thị Thảo", "Hà Quang Vinh", "Chu Thị Yến", "Kiều Văn Nam"]),
        ("Vụ Chính sách cán bộ", "ha-noi", [CadrePolicy], ["Nguyễn Thị Kim Oanh", "Trần Văn Lợi", "Lê Thị Phương", "Phạm Văn Khải", "Hoàng Minh Đức"]),
        ("Vụ Đào tạo, bồi dưỡng cán bộ", "ha-noi", [CadrePlanning, CadreWork, CadreEvaluation], ["Vũ Thị Thanh Huyền", "Đặng Quốc Bảo", "Bùi Văn Toàn", "Đỗ Thị Nga"]),
        ("Văn phòng Ban", "ha-noi", [OfficeWork], ["Ngô Văn Hải", "Dương Thị Hồng", "Lý Văn Tâm"]),
        ("Vụ Địa phương II", "da-nang", [Grassroots, PartyMembers, CadreEvaluation], ["Trương Văn Lộc", "Huỳnh Thị Diệu"]),
        ("Vụ Địa phương III", "ho-chi-minh", [Grassroots, CadreEvaluation, CadrePolicy, InternalProtection], ["Nguyễn Hoàng Phong", "Trần Thị Bích Vân", "Lê Văn Thái"]),
    ];

    /// <summary>Lecturers with ids "l01" … "l40", in department order (the same as <see cref="DemoIds.LecturerIds"/>).</summary>
    public static ImmutableArray<(string Id, NewLecturer Lecturer)> All { get; } = Build();

    private static ImmutableArray<(string Id, NewLecturer Lecturer)> Build()
    {
        var all = ImmutableArray.CreateBuilder<(string, NewLecturer)>();
        foreach (var (department, home, topics, names) in Departments)
        {
            foreach (var name in names)
            {
                all.Add((DemoIds.LecturerIds[all.Count], new NewLecturer(name, department, topics, home, MaxSessions, [])));
            }
        }

        return all.ToImmutable();
    }
}
