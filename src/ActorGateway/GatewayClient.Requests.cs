using ActorGateway.Correlation;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway;

public sealed partial class GatewayClient
{
    /// <inheritdoc />
    public Task<TResponse> AskAsync<TResponse>(IMessage request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TResponse : class, IMessage => AskThrough<TResponse>(_connection, request, timeout, cancellationToken);

    /// <summary>Sends a request that carries its own completion to <paramref name="target"/> (the connection or the session actor).</summary>
    internal Task<TResponse> AskThrough<TResponse>(IActorRef target, IMessage request, TimeSpan? timeout, CancellationToken cancellationToken)
        where TResponse : class, IMessage
    {
        var info = RequestInfo.Of(request);
        // An error reply fails the request, so it is never the type a caller asks for.
        if (ReplyType<TResponse>.PayloadType is { } replyType
            && (replyType is PayloadRegistry.ErrorRes or PayloadRegistry.OAErrorRes || !info.IsAnsweredBy(replyType)))
        {
            throw new ArgumentException($"{info.Name} is not answered by {typeof(TResponse).Name}.", nameof(request));
        }

        var wait = timeout ?? _settings.RequestTimeout;
        var deadline = Deadlines.After(_time, wait);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResponse>(cancellationToken);
        }

        var pending = new PendingRequest<TResponse>(request, info, _wiring.Ids.Next(), wait, deadline);
        pending.CancelWith(cancellationToken);
        target.Tell(pending);
        return pending.Task;
    }

    /// <inheritdoc />
    public Task SendAsync(ProtoMessage envelope, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var wait = timeout ?? _settings.RequestTimeout;
        var deadline = Deadlines.After(_time, wait);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var send = new RawSend(envelope, wait, deadline);
        send.CancelWith(cancellationToken);
        Post(send);
        return send.Task;
    }

    /// <summary>The payload type a reply type stands for, worked out once per type; null for <see cref="IMessage"/> itself.</summary>
    private static class ReplyType<TResponse>
        where TResponse : class, IMessage
    {
        // 0 is no payload type, so a type that is not a payload (a model message) answers nothing and is refused.
        public static readonly uint? PayloadType = typeof(TResponse) == typeof(IMessage) ? null
            : PayloadRegistry.All.FirstOrDefault(i => i.ClrType == typeof(TResponse))?.PayloadType ?? 0;
    }
}
