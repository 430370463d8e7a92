using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Tests.Support;

/// <summary>
/// Keeps every log entry at Information or above, so a test can assert what the server said, and apart those at Warning
/// or above, so it can assert the server logged no trouble.
/// </summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();
    private readonly ConcurrentQueue<string> _problems = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public IReadOnlyCollection<string> Problems => _problems;

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, RecordingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var entry = $"{logLevel} {category}: {formatter(state, exception)} {exception}";
            provider._entries.Enqueue(entry);
            if (logLevel >= LogLevel.Warning)
            {
                provider._problems.Enqueue(entry);
            }
        }
    }
}
