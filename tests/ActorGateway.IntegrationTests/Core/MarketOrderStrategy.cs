using ActorGateway.Protocol.Messages;
using ActorGateway.Trading;
using Akka.Actor;

namespace ActorGateway.IntegrationTests.Core;

/// <summary>
/// A strategy as a trader writes one against the gateway actor: it watches the connection, authorizes by Tell, places
/// one market order, and hears the reply, each step and the outcome as messages. Everything it hears goes on to
/// <c>report</c>, so a test can read the conversation.
/// </summary>
internal sealed class MarketOrderStrategy : ReceiveActor
{
    private readonly IActorRef _gateway;
    private readonly Credentials _credentials;

    public MarketOrderStrategy(IActorRef gateway, Credentials credentials, long symbolId, long volume, IActorRef report)
    {
        _gateway = gateway;
        _credentials = credentials;
        Receive<ConnectionStateChanged>(report.Tell);
        Receive<ProtoOAApplicationAuthRes>(_ =>
            gateway.Tell(new ProtoOAAccountAuthReq { CtidTraderAccountId = credentials.AccountId, AccessToken = credentials.AccessToken }));
        Receive<ProtoOAAccountAuthRes>(_ => gateway.Tell(new ProtoOANewOrderReq
        {
            CtidTraderAccountId = credentials.AccountId,
            SymbolId = symbolId,
            OrderType = ProtoOAOrderType.Market,
            TradeSide = ProtoOATradeSide.Buy,
            Volume = volume,
            Label = "strategy-1",
        }));
        Receive<ProtoOAExecutionEvent>(report.Tell);   // the order's reply: accepted
        Receive<OrderUpdate>(report.Tell);             // each step after it
        Receive<OrderOutcome>(report.Tell);            // where it ended
        Receive<Status.Failure>(report.Tell);          // a typed GatewayException: rejected, timed out, lost
    }

    protected override void PreStart()
    {
        _gateway.Tell(new SubscribeConnectionState(Self));
        _gateway.Tell(new ProtoOAApplicationAuthReq { ClientId = _credentials.ClientId, ClientSecret = _credentials.ClientSecret });
    }
}

/// <summary>What the strategy authorizes with.</summary>
internal sealed record Credentials(string ClientId, string ClientSecret, long AccountId, string AccessToken)
{
    // Secrets stay out of logs and test output.
    public override string ToString() => $"Credentials {{ ClientId = {ClientId}, AccountId = {AccountId} }}";
}
