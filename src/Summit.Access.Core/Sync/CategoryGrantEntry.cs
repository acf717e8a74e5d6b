namespace Summit.Access.Core.Sync;

public sealed record CategoryGrantEntry(ushort Category, ulong Zones, DateOnly? FirstDay, DateOnly? LastDay);
