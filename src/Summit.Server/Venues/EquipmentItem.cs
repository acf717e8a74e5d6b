namespace Summit.Server.Venues;

/// <summary>Mobile equipment held as stock (interpretation kits, streaming kits, wireless microphones, stage crews): booked with rooms.</summary>
public sealed class EquipmentItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public string NameEn { get; set; } = "";
    public string NameZh { get; set; } = "";

    /// <summary>How many the event has; confirmed bookings at the same time may together use at most this many.</summary>
    public int Quantity { get; set; }
}
