namespace Summit.Server.Screening.Contracts;

public enum HoldStatus
{
    Open = 0,

    /// <summary>The re-measurement was normal: the person went through.</summary>
    Cleared = 1,

    /// <summary>The re-measurement confirmed a fever: the person was sent to medical care; the lane reopened.</summary>
    FeverConfirmed = 2,
}
