using Microsoft.Extensions.Logging;

namespace ActorGateway.TestKit;

/// <summary>One entry written to a <see cref="LogCollector"/>.</summary>
/// <param name="Category">The logger's category (usually the type name).</param>
/// <param name="Level">The level.</param>
/// <param name="EventId">The event id.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception logged with it, if any.</param>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Level} {EventId.Id} {Category}: {Message}" + (Exception is null ? "" : $" ({Exception.GetType().Name})");
}
