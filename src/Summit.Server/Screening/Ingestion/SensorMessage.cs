namespace Summit.Server.Screening.Ingestion;

/// <summary>
/// A message as it came off the broker. <paramref name="Publisher"/> is the login that published it when Summit's own broker took
/// it (an external broker does not say).
/// </summary>
public sealed record SensorMessage(string Topic, byte[] Payload, DateTimeOffset ReceivedAt, bool Truncated = false, string? Publisher = null)
{
    /// <summary>Set when the broker refused the packet from its header: nothing of it was read, it is only counted.</summary>
    public PacketRefusal? Refused { get; init; }

    public static SensorMessage RefusedPacket(PacketRefusal refusal, DateTimeOffset at) => new("", [], at, Truncated: true, refusal.Login) { Refused = refusal };
}
