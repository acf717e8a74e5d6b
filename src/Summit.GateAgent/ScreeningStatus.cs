namespace Summit.GateAgent;

/// <summary>The lane's screening holds as the agent knows them.</summary>
/// <param name="Known">True while the agent hears from the server about holds: a hold raised now reaches it within a second. False
/// while it cannot: <see cref="Held"/> is then the last state it knew, and <see cref="Note"/> says so.</param>
/// <param name="Screened">An infrared sensor watches this lane (as the server last said; null when it never said).</param>
/// <param name="AsOf">When the agent last heard the holds from the server.</param>
public sealed record ScreeningStatus(bool Known, bool? Screened, bool Held, DateTimeOffset? HeldSince, DateTimeOffset? AsOf, string? Note,
    string? NoteZh);
