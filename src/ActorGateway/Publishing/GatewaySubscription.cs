using ActorGateway.Protocol.Registry;
using Akka;
using Akka.Actor;
using Akka.Streams.Dsl;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Publishing;

/// <summary>
/// One subscriber's stream of events and notices, behind a reader actor of the publisher's: a subscriber that reads
/// slowly or not at all only loses its own events (counted in <see cref="Dropped"/> and reported in-stream by an
/// <see cref="EventsLost"/> notice). Read it with <c>await foreach</c> or as an Akka.Streams <see cref="AsSource"/> (or <see cref="AsBatchSource"/>); a
/// subscription made with a callback is read for you. Disposing it removes it at once.
/// </summary>
/// <typeparam name="T">The event type (<see cref="IMessage"/> for several).</typeparam>
public sealed class GatewaySubscription<T> : IAsyncEnumerable<StreamItem<T>>, IAsyncDisposable
    where T : class, IMessage
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private readonly IActorRef _publisher;
    private readonly StreamHandoff? _handoff;
    private readonly SubscriberStats _stats;
    private readonly Task<IActorRef> _reader;
    private int _disposed;
    private int _enumerated;

    private GatewaySubscription(IActorRef publisher, StreamHandoff? handoff, SubscriberStats stats, Task<IActorRef> reader)
    {
        _publisher = publisher;
        _handoff = handoff;
        _stats = stats;
        _reader = reader;
    }

    /// <summary>How many events were dropped because the subscriber's bound was reached.</summary>
    public long Dropped => _stats.Dropped;

    /// <summary>How many times the callback threw (each was logged; the stream went on).</summary>
    public long CallbackFailures => _stats.CallbackFailures;

    /// <summary>
    /// The stream as an Akka.Streams source. It is this subscription's single stream: run a second time (or on a
    /// subscription read by its callback) it fails with an <see cref="InvalidOperationException"/>. It completes when
    /// the subscription is disposed or the gateway stops.
    /// </summary>
    public Source<StreamItem<T>, NotUsed> AsSource() => HandoffSource.Items<T>(Claim);

    /// <summary>
    /// The stream as an Akka.Streams source of batches: one element per batch the publisher handed over (usually one socket
    /// read's events), in order. For feeds of hundreds of thousands of events a second, where pushing each event through
    /// the stream's stages would cost more than handling it. The same single stream as <see cref="AsSource"/>: only one of
    /// them can run.
    /// </summary>
    public Source<StreamBatch<T>, NotUsed> AsBatchSource() => HandoffSource.Batches<T>(Claim);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The subscription is read by its callback, or is already being read.</exception>
    public IAsyncEnumerator<StreamItem<T>> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new StreamEnumerator<T>(Claim(), cancellationToken);

    /// <summary>Stops delivery and ends the stream; a running callback finishes its current batch first.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _handoff?.Complete();
        IActorRef reader;
        try
        {
            reader = await _reader.WaitAsync(StopTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return; // the publisher had stopped before it made the reader: there is nothing to stop
        }

        _publisher.Tell(new UnsubscribeEvents(reader));
        try
        {
            await reader.GracefulStop(StopTimeout).ConfigureAwait(false);
        }
        catch (TaskCanceledException)
        {
            // A callback still running after the stop timeout: it is left to end by itself.
        }
    }

    /// <summary>Takes this subscription's one stream, for an enumerator or a source.</summary>
    /// <exception cref="InvalidOperationException">The subscription is read by its callback, or is already being read.</exception>
    private StreamHandoff Claim()
    {
        if (_handoff is null)
        {
            throw new InvalidOperationException("This subscription is read by its callback.");
        }

        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A subscription is one stream: it can be read only once.");
        }

        return _handoff;
    }

    /// <summary>A subscription read as a stream.</summary>
    internal static GatewaySubscription<T> Stream(IActorRef publisher, SubscriptionOptions? options)
    {
        var handoff = new StreamHandoff();
        var stats = new SubscriberStats();
        return new GatewaySubscription<T>(publisher, handoff, stats, AddReader(publisher, options, stats, StreamReader.Props(handoff), handoff));
    }

    /// <summary>A subscription whose items are handed to <paramref name="callback"/>, in order, never two at once.</summary>
    internal static GatewaySubscription<T> Callback(IActorRef publisher, SubscriptionOptions? options,
        Func<StreamItem<T>, ValueTask> callback, ILogger log)
    {
        var stats = new SubscriberStats();
        return new GatewaySubscription<T>(publisher, null, stats, AddReader(publisher, options, stats, CallbackReader<T>.Props(callback, stats, log)));
    }

    /// <summary>The same with a plain callback, called in the reader actor's turn.</summary>
    internal static GatewaySubscription<T> Callback(IActorRef publisher, SubscriptionOptions? options, Action<StreamItem<T>> callback,
        ILogger log)
    {
        var stats = new SubscriberStats();
        return new GatewaySubscription<T>(publisher, null, stats, AddReader(publisher, options, stats, CallbackReader<T>.Props(callback, stats, log)));
    }

    private static Task<IActorRef> AddReader(IActorRef publisher, SubscriptionOptions? options, SubscriberStats stats, Props props,
        StreamHandoff? handoff = null)
    {
        var given = options ?? new SubscriptionOptions();
        given.Validate();
        var typed = given.PayloadTypes is null && typeof(T) != typeof(IMessage) ? given.WithPayloadTypes(PayloadTypesOf()) : given;
        var created = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        publisher.Tell(new AddReader(props, typed, stats, created, handoff));
        return created.Task;
    }

    private static uint[] PayloadTypesOf() =>
        [.. PayloadRegistry.All.Where(i => i.ClrType == typeof(T)).Select(i => i.PayloadType)];
}
