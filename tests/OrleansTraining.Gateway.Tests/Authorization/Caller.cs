namespace OrleansTraining.Gateway.Tests.Authorization;

/// <summary>Who knocks: no token, a broken token, or one of the roles, acting for the operation's own subject or another's.</summary>
public enum Caller
{
    Anonymous,
    ExpiredToken,
    BadSignature,
    Board,
    OwnProvince,
    OtherProvince,
    OwnLecturer,
    OtherLecturer,
}
