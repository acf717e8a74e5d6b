using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Guests.Contracts;

namespace Summit.Server.Access.Scanning;

/// <summary>What a gate console shows around its scans: the gates to pick from, zone and category names, the event's clock.</summary>
public sealed record ConsoleSetup(IReadOnlyList<GateInfo> Gates, IReadOnlyDictionary<int, ZoneView> Zones, IReadOnlyList<CategoryCard> Categories,
    TimeZoneInfo TimeZone);
