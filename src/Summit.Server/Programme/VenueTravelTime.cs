namespace Summit.Server.Programme;

/// <summary>
/// The minutes a speaker needs between two venues of the event, either way. Stored once per pair, the smaller venue id first
/// (<see cref="FirstVenueId"/>), so that a pair cannot have two different times.
/// </summary>
public sealed class VenueTravelTime
{
    public Guid EventId { get; set; }
    public Guid FirstVenueId { get; set; }
    public Guid SecondVenueId { get; set; }
    public int Minutes { get; set; }
}
