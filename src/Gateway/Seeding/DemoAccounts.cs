using OrleansTraining.Grains.Accounts;
using OrleansTraining.Grains.Demo;

namespace OrleansTraining.Gateway.Seeding;

/// <summary>The demo's sign-in accounts: "board" first, then "province-&lt;code&gt;" per province and "lecturer-&lt;id&gt;" per lecturer.</summary>
public static class DemoAccounts
{
    public static IEnumerable<(string UserName, NewAccount Account)> All(string password) =>
    [
        (AccountKeys.Board, new NewAccount(AccountRole.Board, null, null, password)),
        .. DemoIds.ProvinceCodes.Select(code => (AccountKeys.ForProvince(code), new NewAccount(AccountRole.Province, code, null, password))),
        .. DemoIds.LecturerIds.Select(id => (AccountKeys.ForLecturer(id), new NewAccount(AccountRole.Lecturer, null, id, password))),
    ];
}
