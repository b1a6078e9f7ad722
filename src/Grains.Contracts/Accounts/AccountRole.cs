namespace OrleansTraining.Grains.Accounts;

/// <summary>The three kinds of people who sign in; the name doubles as the role claim.</summary>
[GenerateSerializer, Alias("ot.AccountRole")]
public enum AccountRole
{
    Board,
    Province,
    Lecturer,
}
