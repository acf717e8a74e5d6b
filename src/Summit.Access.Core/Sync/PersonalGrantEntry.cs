namespace Summit.Access.Core.Sync;

public sealed record PersonalGrantEntry(Guid CredentialId, GrantChange Change, ulong Zones, DateOnly? FirstDay, DateOnly? LastDay);
