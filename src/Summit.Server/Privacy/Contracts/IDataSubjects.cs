namespace Summit.Server.Privacy.Contracts;

/// <summary>The people of an event, as the module that registers them (Guests) knows them; implemented there.</summary>
public interface IDataSubjects
{
    /// <summary>The person with this id, unless unknown or already erased.</summary>
    Task<DataSubject?> FindAsync(Guid personId, CancellationToken ct);

    /// <summary>Every person of the event not yet erased.</summary>
    Task<IReadOnlyList<DataSubject>> OfEventAsync(Guid eventId, CancellationToken ct);

    /// <summary>People whose name or address begins with the words of the text (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<SubjectMatch>> SearchAsync(Guid eventId, string text, int limit, CancellationToken ct);
}
