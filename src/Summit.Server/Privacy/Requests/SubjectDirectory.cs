using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy;

/// <summary>
/// Every module's people as one list: each module that knows people no other module registers (Guests its guests, Programme its remote
/// speakers) implements <see cref="IDataSubjects"/>; a request or a purge asks them all, in their registration order.
/// </summary>
public sealed class SubjectDirectory(IEnumerable<IDataSubjects> sources)
{
    private readonly IReadOnlyList<IDataSubjects> _sources = [.. sources];

    public async Task<DataSubject?> FindAsync(Guid personId, CancellationToken ct)
    {
        foreach (var source in _sources)
        {
            if (await source.FindAsync(personId, ct) is { } subject)
            {
                return subject;
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<DataSubject>> OfEventAsync(Guid eventId, CancellationToken ct)
    {
        var all = new List<DataSubject>();
        foreach (var source in _sources)
        {
            all.AddRange(await source.OfEventAsync(eventId, ct));
        }

        return all;
    }

    public async Task<IReadOnlyList<SubjectMatch>> SearchAsync(Guid eventId, string text, int limit, CancellationToken ct)
    {
        var all = new List<SubjectMatch>();
        foreach (var source in _sources)
        {
            all.AddRange(await source.SearchAsync(eventId, text, limit - all.Count, ct));
            if (all.Count >= limit)
            {
                break;
            }
        }

        return all;
    }
}
