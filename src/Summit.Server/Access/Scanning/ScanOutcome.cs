using Summit.Server.Access.Domain;
using Summit.Server.Guests.Contracts;

namespace Summit.Server.Access.Scanning;

/// <summary>What became of a scan. <see cref="Duplicate"/>: the nonce was known, <see cref="Scan"/> is the first record.</summary>
public sealed record ScanOutcome(Scan Scan, bool Duplicate, GuestCard? Holder, CategoryCard? Category, EntryConflict? Conflict);
