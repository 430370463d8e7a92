using Microsoft.Extensions.Logging;

namespace ActorGateway.TestKit;

/// <summary>
/// A logger factory that keeps every entry, so a test can await or inspect them, and fails the test (through
/// <see cref="AssertNoUnexpectedEntries"/>) on any Warning or worse it did not declare expected: the way to notice a
/// failure that was only logged.
/// </summary>
public sealed class LogCollector : ILoggerFactory
{
    private readonly Lock _gate = new();
    private readonly List<LogEntry> _entries = [];
    private readonly List<Func<LogEntry, bool>> _expected = [];

    /// <summary>Every entry, as it is written.</summary>
    public TestProbe<LogEntry> Written { get; } = new();

    /// <summary>Every entry so far, in order.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Declares entries matching <paramref name="match"/> expected, so they do not fail the test.</summary>
    public LogCollector Expect(Func<LogEntry, bool> match)
    {
        lock (_gate)
        {
            _expected.Add(match);
        }

        return this;
    }

    /// <summary>Declares entries with event id <paramref name="eventId"/> expected.</summary>
    public LogCollector Expect(int eventId) => Expect(e => e.EventId.Id == eventId);

    /// <summary>Awaits the first entry (already written or still to come) matching <paramref name="match"/>.</summary>
    /// <exception cref="TestKitException">None came within the bound.</exception>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TestTimeouts.Default);
        if (Entries.FirstOrDefault(match) is { } existing)
        {
            return existing;
        }

        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var next = await Written.ExpectAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero).ConfigureAwait(false);
            if (match(next))
            {
                return next;
            }
        }
    }

    /// <summary>Throws when an entry at Warning or above was written that no <see cref="Expect(Func{LogEntry, bool})"/> covers.</summary>
    /// <exception cref="TestKitException">Lists the unexpected entries.</exception>
    public void AssertNoUnexpectedEntries()
    {
        List<LogEntry> unexpected;
        lock (_gate)
        {
            unexpected = _entries.Where(e => e.Level >= LogLevel.Warning && !_expected.Any(m => m(e))).ToList();
        }

        if (unexpected.Count > 0)
        {
            throw new TestKitException("Unexpected log entries:" + Environment.NewLine + string.Join(Environment.NewLine, unexpected),
                unexpected.Select(e => e.Exception).FirstOrDefault(e => e is not null));
        }
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new CollectingLogger(this, categoryName);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider)
    {
        // Entries are only collected, never forwarded.
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release; the entries stay readable.
    }

    private void Add(LogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }

        Written.Tell(entry);
    }

    private sealed class CollectingLogger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            owner.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
