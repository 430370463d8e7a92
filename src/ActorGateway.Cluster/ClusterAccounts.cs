using ActorGateway.Cluster.Events;
using ActorGateway.Cluster.Messages;
using ActorGateway.Publishing;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Cluster;

/// <summary>
/// The door to the accounts of the cluster, from any node (one that hosts accounts or a client node's proxy):
/// <see cref="AskAsync{TResponse}"/> sends the request to the account's entity wherever it lives and returns the typed
/// reply, or throws the typed <see cref="GatewayException"/> the entity's session reported; <see cref="SubscribeAsync"/>
/// and <see cref="KeeperProps"/> subscribe a local actor to an account's events, kept across the account's moves.
/// </summary>
public sealed class ClusterAccounts
{
    // Beyond the request's own timeout: the hops between nodes, and an entity that first has to start and reconcile.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);
    private readonly IActorRef _region;
    private readonly TimeSpan _defaultTimeout;

    /// <summary>Creates the door.</summary>
    /// <param name="region">The account shard region or its proxy (<see cref="Hosting.AccountRegion"/> in the registry).</param>
    /// <param name="defaultTimeout">The timeout of requests that bring none (default 10 s, the session's default).</param>
    public ClusterAccounts(IActorRef region, TimeSpan? defaultTimeout = null)
    {
        _region = region ?? throw new ArgumentNullException(nameof(region));
        _defaultTimeout = defaultTimeout ?? TimeSpan.FromSeconds(10);
    }

    /// <summary>The region (or proxy): actors Tell it <see cref="AccountEnvelope"/>s.</summary>
    public IActorRef Region => _region;

    /// <summary>Sends <paramref name="request"/> to the entity of <paramref name="accountId"/> and awaits its reply.</summary>
    /// <exception cref="GatewayException">What the account's session reported (rejected, timeout, connection...), or a
    /// <see cref="GatewayTimeoutException"/> when no answer came back across the cluster within the timeout plus a margin:
    /// then the request may have been written (<c>WasWritten</c> is true), so reconcile before placing an order again.</exception>
    public async Task<TResponse> AskAsync<TResponse>(long accountId, IMessage request, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
        where TResponse : class, IMessage
    {
        ArgumentNullException.ThrowIfNull(request);
        var wait = (timeout ?? _defaultTimeout) + Margin;
        object reply;
        try
        {
            reply = await _region.Ask<object>(new AccountEnvelope(accountId, request, timeout ?? _defaultTimeout), wait,
                cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            throw new GatewayTimeoutException($"{request.Descriptor.Name} for account {accountId}", wait, written: true);
        }

        return reply switch
        {
            TResponse response => response,
            RequestFailed failed => throw failed.Cause,
            _ => throw new GatewayProtocolException(
                $"{request.Descriptor.Name} for account {accountId} was answered with {reply.GetType().Name}, not {typeof(TResponse).Name}."),
        };
    }

    /// <summary>
    /// The props of a keeper of <paramref name="subscriber"/>'s subscription to the account's events: an actor creates it
    /// as its own child (<c>Context.ActorOf(accounts.KeeperProps(id, Self, options))</c>). The keeper subscribes through the
    /// region and relays to the subscriber: <see cref="EventsSubscribed"/> once, then <see cref="EventBatch"/>es, each to
    /// be answered with <see cref="EventsAck"/> to its sender, which the keeper passes on to the account's publisher (so
    /// the publisher's bound holds across nodes: a slow subscriber stalls only itself). When the account moves (a hand-off,
    /// its node left or crashed), the subscriber gets a batch with <see cref="EventsLost"/> of reason
    /// <see cref="GapReason.Moved"/>, and the keeper subscribes again, every second, until the new owner answers; the new
    /// owner subscribes the options' market data again. The keeper stops when the subscriber stops or tells it
    /// <see cref="UnsubscribeEvents"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public Props KeeperProps(long accountId, IActorRef subscriber, AccountEventsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        options ??= new AccountEventsOptions();
        options.Validate();
        return AccountEventsKeeper.Props(_region, accountId, subscriber, options);
    }

    /// <summary>
    /// Starts a keeper (see <see cref="KeeperProps"/>) for <paramref name="subscriber"/> in <paramref name="factory"/> (an
    /// actor system, or an actor's context on that actor's own turn) and completes once the account's owner has subscribed
    /// it, with the keeper: tell it <see cref="UnsubscribeEvents"/> to end the subscription (stopping the subscriber ends
    /// it too).
    /// </summary>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    /// <exception cref="GatewayTimeoutException">The account did not answer within the default timeout plus a margin
    /// (the keeper is stopped, ending any subscription made late).</exception>
    public async Task<IActorRef> SubscribeAsync(IActorRefFactory factory, long accountId, IActorRef subscriber,
        AccountEventsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(subscriber);
        options ??= new AccountEventsOptions();
        options.Validate();
        var subscribed = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        var keeper = factory.ActorOf(AccountEventsKeeper.Props(_region, accountId, subscriber, options, subscribed));
        var wait = _defaultTimeout + Margin;
        try
        {
            return await subscribed.Task.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            keeper.Tell(new UnsubscribeEvents(subscriber));
            throw new GatewayTimeoutException($"Subscribing to account {accountId}'s events", wait, written: false);
        }
        catch (OperationCanceledException)
        {
            keeper.Tell(new UnsubscribeEvents(subscriber));
            throw;
        }
    }
}
