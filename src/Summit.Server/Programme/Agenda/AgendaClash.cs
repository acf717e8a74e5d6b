namespace Summit.Server.Programme.Agenda;

/// <summary>Two sessions of an agenda that one person cannot both attend: the earlier first, the minutes between them and the travel time needed.</summary>
public sealed record AgendaClash(Guid FirstSessionId, Guid SecondSessionId, AgendaClashKind Kind, int GapMinutes, int TravelMinutes);
