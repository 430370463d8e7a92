using Microsoft.Extensions.Logging;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// A logger provider that only counts the gateway's "event queue is full" warnings, the one place the core reports an
/// event it did not deliver.
/// </summary>
internal sealed class DropCounter : ILoggerProvider, ILogger
{
    private const string EventDropped = "EventDropped";
    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (eventId.Name == EventDropped)
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public void Dispose()
    {
        // Nothing held.
    }
}
