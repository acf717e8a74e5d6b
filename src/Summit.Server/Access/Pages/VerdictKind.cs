namespace Summit.Server.Access.Pages;

/// <summary>How a verdict looks to the gate staff: admitted (green), admitted with an alert (amber), refused (red).</summary>
public enum VerdictKind
{
    Admitted,
    Alert,
    Refused,
}
