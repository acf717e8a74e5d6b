namespace Summit.Server.Programme;

/// <summary>
/// Mobile equipment a session needs (interpretation kits, a streaming kit, wireless microphones): so many of an item of the venues' stock,
/// named by the item's id without a foreign key (the programme knows the stock only through the venues contract). Placing the session books
/// these with its room.
/// </summary>
public sealed class SessionEquipment
{
    public Guid SessionId { get; set; }
    public Guid ItemId { get; set; }
    public int Quantity { get; set; }

    /// <summary>
    /// How many of them the session's booking holds (0 while it is not placed): fewer than <see cref="Quantity"/> when the venue's stock was
    /// short at the session's time, which the rule "equipment missing" reports.
    /// </summary>
    public int Held { get; set; }
}
