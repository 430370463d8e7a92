using Microsoft.Extensions.Logging;

namespace ActorGateway.State;

/// <summary>The mirror's and books' log messages; event ids 1040–1049, beside the core's 1001–1033.</summary>
internal static partial class StateLog
{
    [LoggerMessage(EventId = 1040, Level = LogLevel.Information, Message = "Mirror of account {AccountId} out of sync: {Reason}")]
    public static partial void MirrorOutOfSync(this ILogger logger, long accountId, string reason);

    [LoggerMessage(EventId = 1041, Level = LogLevel.Debug, Message = "Mirror of account {AccountId} in sync: {Positions} positions, {Orders} orders")]
    public static partial void MirrorInSync(this ILogger logger, long accountId, int positions, int orders);

    [LoggerMessage(EventId = 1042, Level = LogLevel.Information, Message = "{What} of account {AccountId} could not load its state, retrying in {RetryInterval}: {Error}")]
    public static partial void StateRequestFailed(this ILogger logger, string what, long accountId, TimeSpan retryInterval, string error);

    [LoggerMessage(EventId = 1043, Level = LogLevel.Warning,
        Message = "Order book of account {AccountId} symbol {SymbolId}: quote {QuoteId} deleted but never added ({Count} so far)")]
    public static partial void UnknownQuoteDeleted(this ILogger logger, long accountId, long symbolId, ulong quoteId, long count);

    [LoggerMessage(EventId = 1044, Level = LogLevel.Information, Message = "Order book of account {AccountId} symbol {SymbolId} rebuilding: {Reason}")]
    public static partial void BookRebuilding(this ILogger logger, long accountId, long symbolId, string reason);

    [LoggerMessage(EventId = 1045, Level = LogLevel.Warning, Message = "A state change callback threw on {Change}")]
    public static partial void ChangeCallbackFailed(this ILogger logger, string change, Exception exception);
}
