using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Summit.GateAgent.Tests;

/// <summary>Collects every log line of the agent, to check what gate staff would read (and what must never appear).</summary>
internal sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();
    private bool _disposed;

    public LogCollector()
    {
        Factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(this));
    }

    public ILoggerFactory Factory { get; }

    public IEnumerable<(LogLevel Level, string Message)> Entries => _entries;

    public string All => string.Join('\n', _entries.Select(e => $"{e.Level}: {e.Message}"));

    public bool Contains(LogLevel level, string text) => _entries.Any(e => e.Level == level && e.Message.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Collector(this);

    // The factory disposes its providers, this one included: dispose it once.
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Factory.Dispose();
        }
    }

    private sealed class Collector(LogCollector owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : $" {exception}")));
    }
}
