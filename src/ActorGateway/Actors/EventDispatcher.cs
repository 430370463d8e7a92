using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Actors;

/// <summary>
/// The client's .NET events, raised by an actor of their own (<see cref="EventRaiser"/>) so a slow or throwing handler
/// never holds up or breaks the connection. At most <c>capacity</c> events wait for the handlers; beyond that new ones
/// are dropped, counted and logged, so a stuck handler cannot grow the raiser's mailbox without bound.
/// </summary>
internal sealed class EventDispatcher : IInboundSink
{
    private readonly int _capacity;
    private readonly Func<bool> _wantsMessages;
    private readonly ILogger _log;
    private readonly Action<long> _droppedMetric;
    private IActorRef _raiser = ActorRefs.Nobody;
    private int _waiting;
    private long _dropped;

    /// <param name="capacity">How many events may wait.</param>
    /// <param name="raise">Raises one event; runs on the raiser's turn.</param>
    /// <param name="wantsMessages">Whether anyone listens to messages; when not, they are not queued at all.</param>
    /// <param name="log">Where handler failures and drops are reported.</param>
    /// <param name="dropped">Told of each event dropped (the metrics).</param>
    public EventDispatcher(int capacity, Action<EventArgs> raise, Func<bool> wantsMessages, ILogger log, Action<long> dropped)
    {
        _capacity = capacity;
        Raise = raise;
        _wantsMessages = wantsMessages;
        _log = log;
        _droppedMetric = dropped;
    }

    internal Action<EventArgs> Raise { get; }

    internal ILogger Log => _log;

    /// <summary>Connects the sink to its raiser, which the gateway actor creates before anything can be received.</summary>
    public void Attach(IActorRef raiser) => _raiser = raiser;

    public void OnMessage(in OpenApiMessage message)
    {
        if (_wantsMessages())
        {
            Post(new GatewayMessageEventArgs(message));
        }
    }

    public void OnConnected(GatewayEndpoint endpoint, int epoch) => Post(new GatewayConnectedEventArgs(endpoint));

    public void OnDisconnected(GatewayEndpoint endpoint, GatewayConnectionException reason) =>
        Post(new GatewayDisconnectedEventArgs(endpoint, reason));

    public void OnConnectFailed(GatewayEndpoint endpoint, GatewayConnectionException reason, int retryCount) =>
        Post(new GatewayConnectFailedEventArgs(endpoint, reason, retryCount));

    /// <summary>Completes once every event queued before the call has been raised.</summary>
    public Task DrainAsync()
    {
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _raiser.Tell(new EventRaiser.Drain(drained));
        return _raiser.IsNobody() ? Task.CompletedTask : drained.Task;
    }

    /// <summary>Called by the raiser after each event: one more may wait.</summary>
    internal void Raised() => Interlocked.Decrement(ref _waiting);

    private void Post(EventArgs e)
    {
        if (Interlocked.Increment(ref _waiting) > _capacity)
        {
            Interlocked.Decrement(ref _waiting);
            _droppedMetric(1);
            _log.EventDropped(e.GetType().Name, Interlocked.Increment(ref _dropped));
            return;
        }

        _raiser.Tell(e);
    }
}
