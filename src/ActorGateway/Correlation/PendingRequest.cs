using System.Buffers;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Registry;
using Google.Protobuf;

namespace ActorGateway.Correlation;

/// <summary>
/// A request awaiting a typed reply. It is its own <see cref="TaskCompletionSource{TResult}"/>, so a request in flight
/// costs this object and its task: no timer (one sweep checks every deadline) and no linked token source (the caller's
/// token gets one static callback).
/// </summary>
internal sealed class PendingRequest<TResponse> : TaskCompletionSource<TResponse>, IPendingRequest, IDeferredCompletion
    where TResponse : class, IMessage
{
    private readonly IMessage _request;
    private readonly MessageInfo _info;
    private readonly TimeSpan _timeout;
    private CancellationTokenRegistration _cancellation;
    private bool _written;
    private int _claimed;
    private object? _outcome; // the reply, the exception, or the cancelling token

    // Continuations run where the task is completed: never the actor's thread, only a CompletionBatch's pool item.
    public PendingRequest(IMessage request, MessageInfo info, long id, TimeSpan timeout, long deadline)
        : base(TaskCreationOptions.None)
    {
        _request = request;
        _info = info;
        _timeout = timeout;
        Id = id;
        Deadline = deadline;
    }

    public long Id { get; }

    public uint PayloadType => _info.PayloadType;

    public RateClass RateClass => _info.RateClass;

    public long Deadline { get; }

    public long? AccountId => RequestInfo.AccountOf(_request, _info);

    public int BoundTo { get; set; }

    public Akka.Actor.IActorRef? ReturnTo { get; set; }

    public bool IsCompleted => Volatile.Read(ref _claimed) != 0;

    /// <summary>Cancels the wait when <paramref name="cancellationToken"/> fires; call before the request is posted.</summary>
    public void CancelWith(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((PendingRequest<TResponse>)state!).End(token), this);
        }
    }

    public int WriteTo(IBufferWriter<byte> output) => FrameCodec.WriteMessage(output, _request, Id);

    public long WrittenAt { get; private set; }

    public bool OnWritten(long timestamp)
    {
        _written = true;
        WrittenAt = timestamp;
        return true;
    }

    public bool IsAnsweredBy(uint payloadType) => _info.IsAnsweredBy(payloadType);

    public bool TryComplete(in OpenApiMessage reply) =>
        End(GatewayRejectedException.FromReply(reply.PayloadType, reply.Payload) is { } rejected
            ? rejected
            : reply.Payload as TResponse ?? (object)new GatewayProtocolException(
                $"{_info.Name} was answered by {reply.Payload.Descriptor.Name}, not {typeof(TResponse).Name}."));

    public bool TryFail(Exception error) => End(error);

    public bool TryTimeOut(GatewayConnectionException? connectFailure) =>
        End(RequestErrors.TimedOut(_info.Name, _timeout, _written, connectFailure));

    public void Deliver()
    {
        // Unregister does not wait for a callback running elsewhere, so it is safe wherever this runs.
        _cancellation.Unregister();
        switch (_outcome)
        {
            case TResponse reply:
                TrySetResult(reply);
                break;
            case CancellationToken token:
                TrySetCanceled(token);
                break;
            case Exception error:
                TrySetException(error);
                break;
        }
    }

    private bool End(object outcome)
    {
        if (Interlocked.Exchange(ref _claimed, 1) != 0)
        {
            return false;
        }

        _outcome = outcome;
        CompletionBatch.Defer(this);
        return true;
    }
}
