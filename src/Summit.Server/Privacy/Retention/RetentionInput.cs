namespace Summit.Server.Privacy;

public sealed record RetentionInput(int RetentionDays);
