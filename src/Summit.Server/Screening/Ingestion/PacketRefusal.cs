namespace Summit.Server.Screening.Ingestion;

/// <summary>A packet the broker refused from its header: who sent it (the sensor's login once it has one) and how big it said it was.</summary>
public sealed record PacketRefusal(string? Login, string From, long AnnouncedBytes, int LimitBytes);
