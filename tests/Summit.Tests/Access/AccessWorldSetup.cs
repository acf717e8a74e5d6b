using Summit.Server.Access.Contracts;

namespace Summit.Tests.Access;

/// <summary>A small venue for access tests: zones, gates, what the categories open, and a device per gate.</summary>
public sealed record AccessWorldSetup(ZoneView Main, ZoneView Forum, ZoneView Vip, GateView MainIn, GateView MainOut, GateView ForumIn, GateView VipIn,
    string MainInToken, string MainOutToken, string ForumInToken, string VipInToken);
