using ActorGateway.Cluster.Messages;
using ActorGateway.Session;
using ActorGateway.Trading;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Cluster.Sharding;

/// <summary>
/// Stands in for a remote requester towards the session, for one request: passes the reply and order steps on, and turns
/// a <c>Status.Failure</c> into <see cref="RequestFailed"/>, which can cross nodes with the typed exception intact, and a
/// booked market-data change's <c>SubscriptionChanged</c> into the Open API response the requester expects. It
/// stops after the reply, or for a trading request whose requester follows the order, after the <see cref="OrderOutcome"/>.
/// </summary>
internal sealed class ReplyRelay : UntypedActor
{
    private readonly IActorRef _requester;
    private readonly bool _follows;

    public ReplyRelay(IActorRef requester, bool trading, TimeSpan replyWithin)
    {
        _requester = requester;
        // An Ask's temporary actor hears only the reply, as on one node (the core's trackers make the same choice).
        _follows = trading && requester.Path.Elements is not ["temp", ..];
        // The core ends every request exactly once; this only bounds the relay's life should that promise ever break.
        if (!_follows)
        {
            Context.SetReceiveTimeout(replyWithin);
        }
    }

    public static Props Props(IActorRef requester, bool trading, TimeSpan replyWithin) =>
        Akka.Actor.Props.Create(() => new ReplyRelay(requester, trading, replyWithin));

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Status.Failure { Cause: var cause }:
                _requester.Tell(new RequestFailed(cause as GatewayException
                    ?? new GatewayConnectionException(ConnectionFailureKind.Faulted,
                        $"The request failed on the account's node ({cause.GetType().Name}).", written: true)));
                StopUnlessFollowing();
                break;
            case OrderOutcome outcome:
                _requester.Tell(outcome);
                Context.Stop(Self);
                break;
            case OrderUpdate update:
                _requester.Tell(update);
                break;
            case SubscriptionChanged changed:
                _requester.Tell(BookedRequests.Response(changed.Request));
                Context.Stop(Self);
                break;
            case IMessage reply:
                _requester.Tell(reply);
                StopUnlessFollowing();
                break;
            case ReceiveTimeout:
                Context.Stop(Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    // A follower of an order waits for its outcome, which comes after the reply (or the failure) of the request.
    private void StopUnlessFollowing()
    {
        if (!_follows)
        {
            Context.Stop(Self);
        }
    }
}
