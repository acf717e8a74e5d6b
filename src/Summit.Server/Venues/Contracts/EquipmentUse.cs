namespace Summit.Server.Venues.Contracts;

/// <summary>
/// Equipment a confirmed booking holds: the item, how many, the period it is taken (the booking's time with its set-up and tear-down
/// buffers, as the stock rule counts it), the booking, and the programme session it is for (null: any other booking).
/// </summary>
public sealed record EquipmentUse(Guid ItemId, int Quantity, DateTimeOffset From, DateTimeOffset Until, Guid BookingId, Guid? SessionId);
