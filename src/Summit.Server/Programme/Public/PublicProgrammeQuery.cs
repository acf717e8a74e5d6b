namespace Summit.Server.Programme.Public;

/// <summary>The public programme's filters, each optional: a day of the event, a forum, a room, a language the session is heard in.</summary>
public sealed record PublicProgrammeQuery(DateOnly? Day = null, Guid? ForumId = null, Guid? RoomId = null, string? Language = null);
