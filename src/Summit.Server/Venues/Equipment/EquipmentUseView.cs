namespace Summit.Server.Venues.Equipment;

/// <summary>
/// An equipment item over a period: its stock, the most of it that confirmed bookings hold at any one instant (set-up and tear-down
/// included), and the bookings, confirmed or pending, that take it.
/// </summary>
public sealed record EquipmentUseView(EquipmentView Item, int PeakConfirmed, IReadOnlyList<EquipmentUseLine> Bookings);
