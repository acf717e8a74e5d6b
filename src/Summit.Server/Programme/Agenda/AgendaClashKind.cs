namespace Summit.Server.Programme.Agenda;

public enum AgendaClashKind
{
    /// <summary>The two sessions overlap.</summary>
    Overlap = 1,

    /// <summary>They are in two venues with less time between them than the programme's travel time.</summary>
    TravelTooShort = 2,
}
