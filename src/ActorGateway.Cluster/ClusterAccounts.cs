using ActorGateway.Cluster.Messages;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Cluster;

/// <summary>
/// Task code's door to the accounts of the cluster, from any node (one that hosts accounts or a client node's proxy):
/// <see cref="AskAsync{TResponse}"/> sends the request to the account's entity wherever it lives and returns the typed
/// reply, or throws the typed <see cref="GatewayException"/> the entity's session reported.
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
}
