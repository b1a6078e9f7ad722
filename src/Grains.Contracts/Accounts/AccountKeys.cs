namespace OrleansTraining.Grains.Accounts;

/// <summary>Account grain keys: user names are matched without regard to case ("province-HN" = "province-hn").</summary>
public static class AccountKeys
{
    public const string Board = "board";

    public static string ForUserName(string userName) => userName.Trim().ToLowerInvariant();

    public static string ForProvince(string provinceCode) => ForUserName($"province-{provinceCode}");

    public static string ForLecturer(string lecturerId) => ForUserName($"lecturer-{lecturerId}");
}
