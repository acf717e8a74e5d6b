using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Infrastructure.Cluster;

/// <summary>
/// Elects one server process of the deployment to run the periodic jobs that must run once per event (sensor silence watch, SLA
/// escalation, purge, no-show release): the one holding a PostgreSQL session advisory lock on a connection of its own. When that
/// process dies its connection closes, PostgreSQL releases the lock, and another process takes it at its next try. On SQLite, which
/// one process owns, that process leads (ADR 0029).
/// </summary>
/// <remarks>
/// A leader that loses its connection stops leading at its next check, so for up to one <see cref="CheckInterval"/> two processes
/// may both believe they lead; the jobs are written to be harmless when run twice (each claims or re-reads its work in a transaction),
/// the election only spares the doubled work and mail.
/// </remarks>
public sealed class ClusterLeadership(DatabaseSettings database, ILogger<ClusterLeadership> logger, string name = ClusterLeadership.JobsName)
    : BackgroundService
{
    public const string JobsName = "periodic-jobs";

    /// <summary>How often a follower tries to take the lock and a leader checks that it still holds its connection.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    private readonly long _key = KeyOf(name);
    private readonly TaskCompletionSource _firstTry = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _termLock = new();
    private volatile bool _leading;
    private TaskCompletionSource<CancellationToken> _nextTerm = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _term;

    /// <summary>True while this process holds the lock; always on SQLite.</summary>
    public bool IsLeader => database.Provider != DatabaseProvider.Postgres || _leading;

    /// <summary>Completes once this process has tried for the lock (at once on SQLite).</summary>
    public Task Tried => _firstTry.Task;

    /// <summary>Whether a job round should run here: waits for the first try, so a lone process does not skip its first round.</summary>
    public async Task<bool> LeadsAsync(CancellationToken ct)
    {
        await Tried.WaitAsync(ct);
        return IsLeader;
    }

    /// <summary>
    /// Completes when this process leads (at once if it does), with a token that is cancelled when it stops leading: for work that
    /// must run on one process only for as long as it runs (the live demo player), not in rounds.
    /// </summary>
    public Task<CancellationToken> LeadAsync(CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return Task.FromResult(CancellationToken.None);
        }

        lock (_termLock)
        {
            return _nextTerm.Task.WaitAsync(ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            _firstTry.TrySetResult();
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString)
                {
                    // The lock lives as long as this session: it must never go back to a pool or be closed as idle.
                    Pooling = false,
                    KeepAlive = 10,
                    ApplicationName = "summit-leadership",
                }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await TryOrConfirmAsync(connection, stoppingToken);
                    _firstTry.TrySetResult();
                    await Task.Delay(CheckInterval, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                if (_leading)
                {
                    logger.LogWarning(ex, "Lost the connection that holds the {Name} leadership; no longer leading", name);
                }

                StopLeading();
                _firstTry.TrySetResult();
                await Task.Delay(CheckInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: closing the connection releases the lock for another process.
            }
        }

        StopLeading();
    }

    private async Task TryOrConfirmAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        if (_leading)
        {
            // Still connected means still holding: the lock goes only with the session.
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            await ping.ExecuteScalarAsync(ct);
            return;
        }

        await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        take.Parameters.AddWithValue("key", _key);
        if (await take.ExecuteScalarAsync(ct) is true)
        {
            _leading = true;
            lock (_termLock)
            {
                _term = new CancellationTokenSource();
                _nextTerm.TrySetResult(_term.Token);
            }

            logger.LogInformation("This server process now leads {Name}", name);
        }
    }

    private void StopLeading()
    {
        _leading = false;
        lock (_termLock)
        {
            if (_term is null)
            {
                return;
            }

            // Not disposed: holders of its token may still link to it (a change of leader is rare, the source is small).
            _term.Cancel();
            _term = null;
            _nextTerm = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>A stable 64-bit key from the name, so that leaderships of different names never share a lock.</summary>
    private static long KeyOf(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("summit.leadership:" + name)), 0);
}
