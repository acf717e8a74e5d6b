namespace Summit.Server.Screening.Holds;

/// <param name="Celsius">The officer's re-measurement.</param>
public sealed record HoldDecisionInput(double Celsius, string? Note = null);
