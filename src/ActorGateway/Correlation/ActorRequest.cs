using System.Buffers;
using ActorGateway.Protocol;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Registry;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Correlation;

/// <summary>
/// A request from an actor: its end is told to <see cref="ReplyTo"/>, the response message itself or a
/// <see cref="Status.Failure"/> carrying a <see cref="GatewayException"/>, which is what <c>Ask&lt;TResponse&gt;</c>
/// turns into a typed result or a thrown exception. Only the connection actor touches it, so its state needs no lock.
/// </summary>
internal sealed class ActorRequest : IPendingRequest
{
    private readonly IMessage _request;
    private readonly MessageInfo _info;
    private readonly TimeSpan _timeout;
    private bool _written;

    public ActorRequest(IMessage request, MessageInfo info, long id, TimeSpan timeout, long deadline, IActorRef replyTo)
    {
        _request = request;
        _info = info;
        _timeout = timeout;
        Id = id;
        Deadline = deadline;
        ReplyTo = replyTo;
    }

    /// <summary>Who hears how the request ended.</summary>
    public IActorRef ReplyTo { get; }

    public long Id { get; }

    public uint PayloadType => _info.PayloadType;

    public RateClass RateClass => _info.RateClass;

    public long? AccountId => RequestInfo.AccountOf(_request, _info);

    public int BoundTo { get; set; }

    public IActorRef? ReturnTo { get; set; }

    public Func<GatewayException?>? WriteGuard { get; init; }

    public long Deadline { get; }

    public bool IsCompleted { get; private set; }

    public long WrittenAt { get; private set; }

    public int WriteTo(IBufferWriter<byte> output) => FrameCodec.WriteMessage(output, _request, Id);

    public bool OnWritten(long timestamp)
    {
        _written = true;
        WrittenAt = timestamp;
        return true;
    }

    public bool IsAnsweredBy(uint payloadType) => _info.IsAnsweredBy(payloadType);

    public bool TryComplete(in OpenApiMessage reply) =>
        GatewayRejectedException.FromReply(reply.PayloadType, reply.Payload) is { } rejected
            ? End(new Status.Failure(rejected))
            : End(reply.Payload);

    public bool TryFail(Exception error) => End(new Status.Failure(error));

    public bool TryTimeOut(GatewayConnectionException? connectFailure) =>
        End(new Status.Failure(RequestErrors.TimedOut(_info.Name, _timeout, _written, connectFailure)));

    private bool End(object outcome)
    {
        if (IsCompleted)
        {
            return false;
        }

        IsCompleted = true;
        ReplyTo.Tell(outcome);
        return true;
    }
}
