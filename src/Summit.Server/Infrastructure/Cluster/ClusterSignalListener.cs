using Npgsql;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Infrastructure.Cluster;

/// <summary>
/// Listens on PostgreSQL for the other processes' <see cref="ClusterSignals"/> on a connection of its own, and reconnects when that
/// connection drops. After a reconnection it cannot know what it missed, so it tells every handler of
/// <see cref="ClusterSignals.Reconnected"/>. It also sends this process's relayed changes (<see cref="ClusterSignals.Relay"/>).
/// </summary>
public sealed class ClusterSignalListener(ClusterSignals signals, DatabaseSettings database, ILogger<ClusterSignalListener> logger) : BackgroundService
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (at once on SQLite): a signal sent after it reaches this process.</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!signals.SpansProcesses)
        {
            _listening.TrySetResult();
            return;
        }

        await Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        try
        {
            await signals.SendRelaysAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var connected = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString)
                {
                    // A connection that only waits must not hold a pooled one, nor be closed as idle by the pool.
                    Pooling = false,
                    KeepAlive = 30,
                }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => signals.Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ClusterSignals.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (connected)
                {
                    signals.Reconnected();
                }

                connected = true;
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
            {
                logger.LogWarning(ex, "Lost the cluster signal connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
