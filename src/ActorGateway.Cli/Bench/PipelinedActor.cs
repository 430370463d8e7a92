using System.Diagnostics;
using ActorGateway.Protocol.Messages;
using Akka.Actor;

namespace ActorGateway.Cli.Bench;

/// <summary>
/// The pipelined scenario's actor caller. For a round it Tells the gateway a window of VersionReqs and sends the next
/// as each reply comes in, until its timer tells it to stop; then it waits for the replies still out (as the Task
/// workers and the raw client finish theirs) and reports how many came back.
/// </summary>
internal sealed class PipelinedActor : UntypedActor, IWithTimers
{
    private static readonly ProtoOAVersionReq Request = new();

    private readonly IActorRef _gateway;
    private TaskCompletionSource<long>? _round;
    private long _replies;
    private int _outstanding;
    private bool _stopping;

    public PipelinedActor(IActorRef gateway)
    {
        _gateway = gateway;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef gateway) => Akka.Actor.Props.Create(() => new PipelinedActor(gateway));

    /// <summary>
    /// One round of <paramref name="window"/> requests in flight until <paramref name="stopAt"/> (a Stopwatch timestamp),
    /// the last ones drained; returns the number of replies.
    /// </summary>
    public static Task<long> RunAsync(IActorRef caller, int window, long stopAt, CancellationToken cancellationToken)
    {
        // Continuations go to the pool, not onto the actor's thread.
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var length = TimeSpan.FromSeconds(Math.Max(0, Statistics.Seconds(Stopwatch.GetTimestamp(), stopAt)));
        caller.Tell(new Round(window, length, done));
        return done.Task.WaitAsync(cancellationToken);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ProtoOAVersionRes:
                OnReply();
                break;
            case Status.Failure failure:
                // One failed request fails the round; the replies still out land after it and are not counted.
                _outstanding--;
                _round?.TrySetException(failure.Cause);
                _round = null;
                break;
            case Round round:
                Start(round);
                break;
            case Stop:
                _stopping = true;
                EndIfDrained();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Start(Round round)
    {
        if (_round is not null || _outstanding > 0)
        {
            round.Done.TrySetException(new InvalidOperationException("The previous pipelined round has not ended."));
            return;
        }

        (_round, _replies, _stopping) = (round.Done, 0, false);
        // One timer stops the round, so the actor does not read the clock per reply.
        Timers.StartSingleTimer(nameof(Stop), Stop.Instance, round.Length);
        for (var i = 0; i < round.Window; i++)
        {
            Send();
        }
    }

    private void OnReply()
    {
        _outstanding--;
        if (_round is null)
        {
            return;
        }

        _replies++;
        if (_stopping)
        {
            EndIfDrained();
        }
        else
        {
            Send();
        }
    }

    private void Send()
    {
        _gateway.Tell(Request);
        _outstanding++;
    }

    private void EndIfDrained()
    {
        if (_outstanding == 0)
        {
            _round?.TrySetResult(_replies);
            _round = null;
        }
    }

    private sealed record Round(int Window, TimeSpan Length, TaskCompletionSource<long> Done);

    private sealed class Stop
    {
        public static readonly Stop Instance = new();
    }
}
