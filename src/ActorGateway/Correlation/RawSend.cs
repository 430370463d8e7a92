using System.Buffers;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Messages;
using ActorGateway.Protocol.Registry;

namespace ActorGateway.Correlation;

/// <summary>
/// An envelope sent exactly as given, for advanced use. It ends when written; its reply, if any, is not tracked and
/// reaches the caller as an event.
/// </summary>
internal sealed class RawSend : TaskCompletionSource, IPendingRequest
{
    private readonly ProtoMessage _envelope;
    private readonly TimeSpan _timeout;
    private CancellationTokenRegistration _cancellation;

    public RawSend(ProtoMessage envelope, TimeSpan timeout, long deadline)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _envelope = envelope;
        _timeout = timeout;
        Deadline = deadline;
        // Heartbeats and unknown payload types are not counted against the server's request budgets.
        RateClass = PayloadRegistry.TryGet(envelope.PayloadType, out var info) ? info.RateClass : RateClass.None;
    }

    public long Id => 0;

    public uint PayloadType => _envelope.PayloadType;

    public RateClass RateClass { get; }

    public long Deadline { get; }

    public long? AccountId => null;

    public int BoundTo { get; set; }

    public Akka.Actor.IActorRef? ReturnTo { get; set; }

    public bool IsCompleted => Task.IsCompleted;

    public void CancelWith(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((RawSend)state!).TrySetCanceled(token), this);
        }
    }

    public int WriteTo(IBufferWriter<byte> output) => FrameCodec.WriteEnvelope(output, _envelope);

    public long WrittenAt => 0;

    public bool OnWritten(long timestamp)
    {
        Ended(TrySetResult());
        return false;
    }

    public bool IsAnsweredBy(uint payloadType) => false;

    public bool TryComplete(in OpenApiMessage reply) => false;

    public bool TryFail(Exception error) => Ended(TrySetException(error));

    public bool TryTimeOut(GatewayConnectionException? connectFailure) =>
        Ended(TrySetException(RequestErrors.TimedOut($"The raw {_envelope.PayloadType} frame", _timeout, false, connectFailure)));

    private bool Ended(bool ended)
    {
        if (ended)
        {
            _cancellation.Unregister();
        }

        return ended;
    }
}
