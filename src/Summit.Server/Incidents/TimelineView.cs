namespace Summit.Server.Incidents;

public sealed record TimelineView(DateTimeOffset At, TimelineKind Kind, string Actor, string? Text);
