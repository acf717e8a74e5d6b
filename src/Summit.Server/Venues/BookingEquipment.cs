namespace Summit.Server.Venues;

/// <summary>A line of a booking: so many of an equipment item, taken from stock for the booking's time.</summary>
public sealed class BookingEquipment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BookingId { get; set; }
    public Guid EquipmentItemId { get; set; }
    public int Quantity { get; set; }
}
