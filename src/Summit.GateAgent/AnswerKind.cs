namespace Summit.GateAgent;

public enum AnswerKind
{
    Ok = 0,

    /// <summary>304: the policy did not change.</summary>
    NotModified = 1,

    /// <summary>401: the server does not accept this device's token.</summary>
    Unauthorized = 2,

    /// <summary>Unreachable, timed out, an error status, or a body that is not the contract's.</summary>
    Failed = 3,
}
