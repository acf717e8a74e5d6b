namespace Summit.Server.Access.Domain;

public enum SigningKeyStatus
{
    /// <summary>Signs new credentials; exactly one key is active.</summary>
    Active = 0,

    /// <summary>No longer signs, but its credentials are still accepted.</summary>
    Valid = 1,

    /// <summary>Everything it signed is refused at the gates.</summary>
    Retired = 2,
}
