namespace Summit.Server.Programme;

/// <summary>What a session is. Stored: never renumber.</summary>
public enum SessionKind
{
    OpeningCeremony = 0,
    KeynoteBlock = 1,
    Panel = 2,
    Dialogue = 3,
    Release = 4,
    SigningCeremony = 5,
    Break = 6,
    BilateralMeeting = 7,
}
