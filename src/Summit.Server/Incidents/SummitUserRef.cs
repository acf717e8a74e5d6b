namespace Summit.Server.Incidents;

/// <summary>A staff user to tell about an incident; <paramref name="MayReadHealth"/>: their roles read health details.</summary>
public sealed record SummitUserRef(string Id, string Email, string DisplayName, string Language, bool MayReadHealth);
