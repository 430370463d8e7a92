using System.Threading.Channels;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Actors;

/// <summary>
/// Raises the client's events on a task of its own, fed by a bounded queue, so a slow or throwing handler never holds
/// up or breaks the connection. When the queue is full, new events are dropped and counted.
/// </summary>
internal sealed class EventDispatcher : IInboundSink, IAsyncDisposable
{
    private readonly Channel<EventArgs> _queue;
    private readonly Action<EventArgs> _raise;
    private readonly Func<bool> _wantsMessages;
    private readonly ILogger _log;
    private readonly Task _loop;
    private readonly Action<long> _droppedMetric;
    private long _dropped;

    /// <param name="capacity">How many events may wait.</param>
    /// <param name="raise">Raises one event; runs on the dispatch task.</param>
    /// <param name="wantsMessages">Whether anyone listens to messages; when not, they are not queued at all.</param>
    /// <param name="log">Where handler failures and drops are reported.</param>
    /// <param name="dropped">Told of each event dropped (the metrics).</param>
    public EventDispatcher(int capacity, Action<EventArgs> raise, Func<bool> wantsMessages, ILogger log, Action<long> dropped)
    {
        _droppedMetric = dropped;
        _raise = raise;
        _wantsMessages = wantsMessages;
        _log = log;
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
            AllowSynchronousContinuations = false,
        };
        _queue = Channel.CreateBounded<EventArgs>(options, OnDropped);
        _loop = RunAsync();
    }

    public void OnMessage(in OpenApiMessage message)
    {
        if (_wantsMessages())
        {
            _queue.Writer.TryWrite(new GatewayMessageEventArgs(message));
        }
    }

    public void OnConnected(GatewayEndpoint endpoint, int epoch) => _queue.Writer.TryWrite(new GatewayConnectedEventArgs(endpoint));

    public void OnDisconnected(GatewayEndpoint endpoint, GatewayConnectionException reason) =>
        _queue.Writer.TryWrite(new GatewayDisconnectedEventArgs(endpoint, reason));

    public void OnConnectFailed(GatewayEndpoint endpoint, GatewayConnectionException reason, int retryCount) =>
        _queue.Writer.TryWrite(new GatewayConnectFailedEventArgs(endpoint, reason, retryCount));

    /// <summary>Raises what is already queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        await Task.Yield(); // never run handlers on the constructing thread
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var e))
            {
                try
                {
                    _raise(e);
                }
                catch (Exception error)
                {
                    _log.HandlerFailed(EventName(e), error);
                }
            }
        }
    }

    private static string EventName(EventArgs e) =>
        e.GetType().Name.Replace("Gateway", "", StringComparison.Ordinal).Replace("EventArgs", "", StringComparison.Ordinal);

    private void OnDropped(EventArgs e)
    {
        _droppedMetric(1);
        _log.EventDropped(e.GetType().Name, Interlocked.Increment(ref _dropped));
    }
}
