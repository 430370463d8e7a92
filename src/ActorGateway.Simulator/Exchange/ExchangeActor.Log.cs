using Microsoft.Extensions.Logging;

namespace ActorGateway.Simulator.Exchange;

internal sealed partial class ExchangeActor
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "The exchange failed to handle payload type {PayloadType}")]
        public static partial void RequestFailed(ILogger logger, uint payloadType, Exception error);
    }
}
