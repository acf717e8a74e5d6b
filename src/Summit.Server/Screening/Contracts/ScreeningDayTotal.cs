namespace Summit.Server.Screening.Contracts;

/// <summary>One day of screening (event time): readings received, of them above the threshold, and lanes put on hold. Every event day has one.</summary>
/// <param name="WithinEvent">False for a day outside the event's dates: shown apart, never in the event's totals.</param>
public sealed record ScreeningDayTotal(DateOnly Day, bool WithinEvent, int Readings, int Fevers, int HoldsPlaced);
