using Summit.Server.Programme.Rules;

namespace Summit.Server.Programme.Scheduling;

/// <summary>So many units of a stock item a booking holds over a period (half-open: a unit returned at 10:00 can be taken at 10:00).</summary>
public sealed record ScheduleStockUse(TimeWindow Time, int Quantity);
