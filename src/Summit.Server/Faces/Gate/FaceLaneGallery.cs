using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Faces.Core;
using Summit.Server.Faces.Enrolment;
using Summit.Server.Infrastructure.Cluster;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Faces.Gate;

/// <summary>
/// The face lanes' gallery: the event's fast-lane templates, decrypted, in memory while the lanes are in use (ADR 0034). Dropped on a
/// signal from any server process when an enrolment or a fast-lane mark changes (<see cref="ClusterSignals"/>), and after
/// <see cref="FacesOptions.GalleryIdleLifetime"/> without a search, so that decrypted templates are not kept longer than needed.
/// Every search also compares the eligible rows (guest and last change, not the templates) with those the gallery was built from, so a
/// template withdrawn in a transaction that committed after the signal is never matched.
/// </summary>
public sealed class FaceLaneGallery : IDisposable
{
    public const string ChangedTopic = "faces.gallery";

    private readonly FaceTemplates _templates;
    private readonly ClusterSignals _signals;
    private readonly IOptionsMonitor<FacesOptions> _options;
    private readonly ITimer _idle;
    private readonly IDisposable[] _subscriptions;
    private volatile Loaded? _loaded;

    /// <summary>Counts the changes signalled: a gallery read before one is not kept after it.</summary>
    private int _changes;

    public FaceLaneGallery(FaceTemplates templates, ClusterSignals signals, IOptionsMonitor<FacesOptions> options, TimeProvider clock)
    {
        _templates = templates;
        _signals = signals;
        _options = options;
        _idle = clock.CreateTimer(_ => Forget(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _subscriptions = [signals.Subscribe(ChangedTopic, _ => Forget()), signals.Subscribe(ClusterSignals.ReconnectedTopic, _ => Forget())];
    }

    /// <summary>Whether decrypted templates are in memory now (for tests and the lanes page).</summary>
    public bool IsLoaded => _loaded is not null;

    /// <summary>The event's fast-lane gallery: the one in memory if the eligible rows are still those it was built from, else built again.</summary>
    public async Task<FaceGallery<Guid>> GetAsync(SummitDbContext db, Guid eventId, CancellationToken ct)
    {
        _idle.Change(_options.CurrentValue.GalleryIdleLifetime, Timeout.InfiniteTimeSpan);
        var eligible = Eligible(db, eventId);
        var stamp = Stamp(await eligible.Select(e => new Row(e.GuestId, e.UpdatedAt, null)).ToListAsync(ct));
        if (_loaded is { } loaded && loaded.EventId == eventId && loaded.Stamp.AsSpan().SequenceEqual(stamp))
        {
            return loaded.Gallery;
        }

        var changes = Volatile.Read(ref _changes);
        var rows = await eligible.Select(e => new Row(e.GuestId, e.UpdatedAt, e.EncryptedTemplate)).ToListAsync(ct);
        var gallery = FaceGallery<Guid>.Create(rows.Select(r => (r.GuestId, _templates.Unprotect(r.Template!))));
        if (Volatile.Read(ref _changes) == changes)
        {
            _loaded = new Loaded(eventId, Stamp(rows), gallery);
        }

        return gallery;
    }

    /// <summary>Tells every server process that the fast-lane templates changed (after the change is saved).</summary>
    public Task ChangedAsync(CancellationToken ct = default) => _signals.PublishAsync(ChangedTopic, ct: ct);

    public void Dispose()
    {
        _idle.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    /// <summary>Who may be found at a face lane: enrolled (so consenting) and marked for the fast lane.</summary>
    internal static IQueryable<FaceEnrolment> Eligible(SummitDbContext db, Guid eventId) =>
        db.Set<FaceEnrolment>().AsNoTracking()
            .Where(e => e.EventId == eventId && e.FastLane && e.State == FaceEnrolmentState.Enrolled && e.EncryptedTemplate != null);

    private void Forget()
    {
        Interlocked.Increment(ref _changes);
        _loaded = null;
    }

    /// <summary>A digest of the eligible rows (who, and when each last changed), in a fixed order.</summary>
    private static byte[] Stamp(List<Row> rows)
    {
        var bytes = new byte[rows.Count * 24];
        var i = 0;
        foreach (var row in rows.OrderBy(r => r.GuestId))
        {
            row.GuestId.TryWriteBytes(bytes.AsSpan(i));
            BitConverter.TryWriteBytes(bytes.AsSpan(i + 16), row.UpdatedAt.UtcTicks);
            i += 24;
        }

        return SHA256.HashData(bytes);
    }

    private sealed record Row(Guid GuestId, DateTimeOffset UpdatedAt, byte[]? Template);

    private sealed record Loaded(Guid EventId, byte[] Stamp, FaceGallery<Guid> Gallery);
}
