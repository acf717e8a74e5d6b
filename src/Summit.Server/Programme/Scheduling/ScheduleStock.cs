namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// An item of the venues' mobile equipment stock as the solver sees it: how many the event has, and what the venue's other confirmed
/// bookings hold of it and when (their set-up and tear-down buffers included, as the venue's stock rule counts them).
/// </summary>
public sealed record ScheduleStock(Guid ItemId, int Quantity, IReadOnlyList<ScheduleStockUse> Held);
