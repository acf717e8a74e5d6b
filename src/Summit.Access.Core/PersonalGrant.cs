namespace Summit.Access.Core;

/// <summary>A per-credential addition or removal of zones on the given days (synced from the server, not in the code).</summary>
public sealed record PersonalGrant(Guid CredentialId, GrantChange Change, ZoneSet Zones, DayRange Days);
