namespace Summit.Server.Screening.Reporting;

/// <summary>Readings, fevers and holds placed over several days.</summary>
public sealed record ScreeningSpanTotal(int Readings, int Fevers, int HoldsPlaced);
