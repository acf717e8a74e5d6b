namespace Summit.Server.Screening.Contracts;

/// <summary>What changed in screening: readings stored and refused by a batch, holds raised or decided.</summary>
public sealed record ScreeningChange(int Stored, int Refused, int HoldsRaised, bool HoldDecided = false);
