namespace Summit.Server.Privacy;

public sealed record ExportSubject(Guid Id, string Name, string Email);
