using Google.Protobuf;

namespace ActorGateway.Simulator.Trading;

/// <summary>
/// What a trading request produced: events for every connection where the account is authorized (in order), or an
/// error for the requester alone.
/// </summary>
internal sealed record TradeOutcome(IReadOnlyList<IMessage> Events, IMessage? Error)
{
    public static TradeOutcome Failed(IMessage error) => new([], error);

    public static TradeOutcome Done(IReadOnlyList<IMessage> events) => new(events, null);
}
