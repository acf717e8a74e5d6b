namespace Summit.Server.Venues;

/// <summary>A date of a series left out because it conflicted when the series was made; adding it back removes it.</summary>
public sealed class BookingSeriesSkip
{
    public Guid SeriesId { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>What it collided with then, in neither language: the conflicts' kinds and titles ("Overlap: Ministerial talks").</summary>
    public string Conflicts { get; set; } = "";

    public DateTimeOffset SkippedAt { get; set; }
}
