using System.Diagnostics;
using ActorGateway.Protocol.Messages;
using Akka.Actor;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// The latency scenario's actor caller: Tells the gateway one VersionReq at a time and times each round trip, from
/// just before the Tell to the moment the reply is in its hands, until the round's time is up.
/// </summary>
internal sealed class LatencyActor : UntypedActor
{
    private static readonly ProtoOAVersionReq Request = new();

    private readonly IActorRef _gateway;
    private Round? _round;
    private List<long> _roundTrips = [];
    private long _stopAt;
    private long _sentAt;

    public LatencyActor(IActorRef gateway)
    {
        _gateway = gateway;
    }

    public static Props Props(IActorRef gateway) => Akka.Actor.Props.Create(() => new LatencyActor(gateway));

    /// <summary>One round of <paramref name="duration"/> through <paramref name="caller"/>, into <paramref name="times"/>; returns how many round trips.</summary>
    public static async Task<double> SampleAsync(IActorRef caller, TimeSpan duration, RoundTripTimes times,
        CancellationToken cancellationToken)
    {
        // Continuations go to the pool, not onto the actor's thread.
        var done = new TaskCompletionSource<List<long>>(TaskCreationOptions.RunContinuationsAsynchronously);
        caller.Tell(new Round(duration, done));
        return times.AddRound(await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false));
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ProtoOAVersionRes:
                OnReply(Stopwatch.GetTimestamp());
                break;
            case Status.Failure failure:
                _round?.Done.TrySetException(failure.Cause);
                _round = null;
                break;
            case Round round when _round is null:
                // A list per round: the last one now belongs to whoever asked for it.
                (_round, _roundTrips) = (round, []);
                _stopAt = Stopwatch.GetTimestamp() + (long)(round.Length.TotalSeconds * Stopwatch.Frequency);
                Send();
                break;
            case Round busy:
                busy.Done.TrySetException(new InvalidOperationException("The previous latency round has not ended."));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnReply(long receivedAt)
    {
        if (_round is null)
        {
            return;
        }

        _roundTrips.Add(receivedAt - _sentAt);
        if (receivedAt < _stopAt)
        {
            Send();
        }
        else
        {
            _round.Done.TrySetResult(_roundTrips);
            _round = null;
        }
    }

    private void Send()
    {
        _sentAt = Stopwatch.GetTimestamp();
        _gateway.Tell(Request);
    }

    private sealed record Round(TimeSpan Length, TaskCompletionSource<List<long>> Done);
}
