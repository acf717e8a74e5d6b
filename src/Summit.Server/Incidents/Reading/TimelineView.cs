namespace Summit.Server.Incidents.Reading;

public sealed record TimelineView(DateTimeOffset At, TimelineKind Kind, string Actor, string? Text);
