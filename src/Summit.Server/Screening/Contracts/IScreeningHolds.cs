namespace Summit.Server.Screening.Contracts;

/// <summary>The lanes held by a fever reading, as other modules show them (the operations dashboard's screening panel); only Screening decides them.</summary>
public interface IScreeningHolds
{
    /// <summary>Open holds first (oldest first: the longest-waiting lane), then the latest <paramref name="decided"/> decided ones.</summary>
    Task<List<HoldView>> ListAsync(int decided = 20, CancellationToken ct = default);
}
