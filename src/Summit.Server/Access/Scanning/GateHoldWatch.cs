using System.Threading.Channels;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Scanning;

/// <summary>
/// What the gate agents are told about holds on their lanes (docs/adr/0020). One in-memory board of every held gate, read again
/// from the database when the module that holds gates says something changed (<see cref="Changed"/>, in this process: at once),
/// and every <see cref="PollInterval"/> while an agent is waiting (a hold raised or cleared by another server process). Agents
/// long-poll <see cref="WaitForChangeAsync"/>; however many wait, the database is read once per change or per interval.
/// </summary>
public sealed class GateHoldWatch(IServiceScopeFactory scopes, TimeProvider clock, ILogger<GateHoldWatch> logger) : BackgroundService, IGateHoldChanges
{
    /// <summary>How often the board is read again while agents wait, so that a change made by another server process reaches them.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private volatile Board _board = new(GateHoldStates.None, DateTimeOffset.MinValue, 0);
    private volatile TaskCompletionSource _refreshed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _changes;
    private int _waiting;

    /// <summary>Something changed the holds (a fever raised one, an officer decided one): read them again now.</summary>
    public void Changed()
    {
        Interlocked.Increment(ref _changes);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>The gate's holds, read after every change announced so far and at most <see cref="PollInterval"/> ago.</summary>
    public async Task<GateHoldsDocument> StateAsync(Guid gateId, CancellationToken ct)
    {
        // Twice at most: a read under way when the change was announced may not have it, the next one has. If the database cannot
        // be read, the last board is the answer.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var next = _refreshed.Task;
            var board = _board;
            if (clock.GetUtcNow() - board.ReadAt <= PollInterval && board.Changes >= Interlocked.Read(ref _changes))
            {
                break;
            }

            _wake.Writer.TryWrite(true);
            await next.WaitAsync(ct);
        }

        return _board.For(gateId, clock.GetUtcNow());
    }

    /// <summary>Answers as soon as the gate's holds differ from <paramref name="knownTag"/>, or with the same state after <paramref name="wait"/>.</summary>
    public async Task<GateHoldsDocument> WaitForChangeAsync(Guid gateId, string knownTag, TimeSpan wait, CancellationToken ct)
    {
        if (Interlocked.Increment(ref _waiting) == 1)
        {
            // The loop polls only while someone waits: wake it so it starts.
            Changed();
        }

        try
        {
            using var timeout = new CancellationTokenSource(wait, clock);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, ct);
            var state = await StateAsync(gateId, ct);
            while (state.Tag == knownTag)
            {
                // Taken before the board is read again: a change published in between completes it, so none is missed.
                var next = _refreshed.Task;
                state = _board.For(gateId, clock.GetUtcNow());
                if (state.Tag != knownTag)
                {
                    break;
                }

                try
                {
                    await next.WaitAsync(either.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    break;
                }

                state = _board.For(gateId, clock.GetUtcNow());
            }

            return state;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitForWorkAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                // The changes announced before this read are all in it.
                var changes = Interlocked.Read(ref _changes);
                _board = new Board(await ReadAsync(stoppingToken), clock.GetUtcNow(), changes);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The last board stays: agents keep what they were told, and the next round tries again.
                logger.LogWarning(ex, "The gate holds could not be read; agents keep the last state they were told");
            }
            finally
            {
                var done = _refreshed;
                _refreshed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                done.TrySetResult();
            }
        }
    }

    /// <summary>Until something changed, or, while agents wait, until the poll interval has passed.</summary>
    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        if (_wake.Reader.TryRead(out _))
        {
            return;
        }

        if (Volatile.Read(ref _waiting) == 0)
        {
            await _wake.Reader.ReadAsync(stoppingToken);
            return;
        }

        using var poll = new CancellationTokenSource(PollInterval, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(poll.Token, stoppingToken);
        try
        {
            await _wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The interval passed without news from this process: read for what other processes changed.
        }
    }

    private async Task<GateHoldStates> ReadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        var held = new Dictionary<Guid, DateTimeOffset>();
        var watched = new HashSet<Guid>();
        foreach (var holds in scope.ServiceProvider.GetServices<IGateHolds>())
        {
            var states = await holds.StatesAsync(db, ct);
            foreach (var (gate, since) in states.HeldSince)
            {
                held[gate] = held.TryGetValue(gate, out var other) && other < since ? other : since;
            }

            watched.UnionWith(states.Watched);
        }

        return new GateHoldStates(held, watched);
    }

    /// <param name="Changes">How many changes had been announced when the board was read.</param>
    private sealed record Board(GateHoldStates States, DateTimeOffset ReadAt, long Changes)
    {
        public GateHoldsDocument For(Guid gateId, DateTimeOffset now) => States.HeldSince.TryGetValue(gateId, out var since)
            ? new GateHoldsDocument(gateId, Screened: true, Held: true, since, now)
            : new GateHoldsDocument(gateId, States.Watched.Contains(gateId), Held: false, null, now);
    }
}
