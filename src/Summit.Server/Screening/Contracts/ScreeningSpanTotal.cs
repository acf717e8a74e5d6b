namespace Summit.Server.Screening.Contracts;

/// <summary>Readings, fevers and holds placed over several days.</summary>
public sealed record ScreeningSpanTotal(int Readings, int Fevers, int HoldsPlaced);
