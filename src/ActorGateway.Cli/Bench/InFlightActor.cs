using ActorGateway.Protocol.Messages;
using Akka.Actor;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// The in-flight scenario's actor caller: Tells the gateway a number of VersionReqs the server never answers, then an
/// account list request it answers only after reading every VersionReq before it; then counts the failures the gateway
/// sends back when it is disposed. It keeps nothing per request, so the heap holds only what the gateway keeps.
/// </summary>
internal sealed class InFlightActor : UntypedActor
{
    // No timeout, so none of them ends before the gateway is disposed, however long the holding takes; one instance
    // for all of them, so the requests themselves cost the heap nothing.
    private static readonly GatewayRequest Held = new(new ProtoOAVersionReq(), Timeout.InfiniteTimeSpan);

    private readonly IActorRef _gateway;
    private Hold? _hold;
    private int _failed;

    public InFlightActor(IActorRef gateway)
    {
        _gateway = gateway;
    }

    public static Props Props(IActorRef gateway) => Akka.Actor.Props.Create(() => new InFlightActor(gateway));

    /// <summary>
    /// Tells <paramref name="caller"/> to hold <paramref name="count"/> requests: <c>Tracked</c> ends once the gateway
    /// has written them all, <c>Failed</c> once every one of them has come back failed.
    /// </summary>
    public static (Task Tracked, Task Failed) Start(IActorRef caller, int count)
    {
        // Continuations go to the pool, not onto the actor's thread.
        var hold = new Hold(count, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously),
            new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        caller.Tell(hold);
        return (hold.Tracked.Task, hold.Failed.Task);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Hold hold:
                (_hold, _failed) = (hold, 0);
                for (var i = 0; i < hold.Count; i++)
                {
                    _gateway.Tell(Held);
                }

                _gateway.Tell(new ProtoOAGetAccountListByAccessTokenReq { AccessToken = BenchServer.AccessToken });
                break;
            case ProtoOAGetAccountListByAccessTokenRes:
                _hold?.Tracked.TrySetResult();
                break;
            case ProtoOAVersionRes:
                _hold?.Tracked.TrySetException(new InvalidOperationException("A held VersionReq was answered."));
                break;
            case Status.Failure failure when _hold is { Tracked.Task.IsCompleted: false }:
                _hold.Tracked.TrySetException(failure.Cause);
                break;
            case Status.Failure:
                if (++_failed == _hold?.Count)
                {
                    _hold.Failed.TrySetResult();
                }

                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private sealed record Hold(int Count, TaskCompletionSource Tracked, TaskCompletionSource Failed);
}
