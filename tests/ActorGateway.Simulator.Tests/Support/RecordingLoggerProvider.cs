using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Tests.Support;

/// <summary>Keeps every log entry at Warning or above, so a test can assert the server logged no trouble.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _problems = new();

    public IReadOnlyCollection<string> Problems => _problems;

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _problems);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<string> problems) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                problems.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
