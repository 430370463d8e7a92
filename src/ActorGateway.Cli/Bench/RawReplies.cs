using System.Buffers;
using ActorGateway.Protocol.Framing;
using ActorGateway.Protocol.Registry;

namespace ActorGateway.Cli.Bench;

/// <summary>How both raw clients read what came back: the envelope's payload type only, heartbeats not counted.</summary>
internal static class RawReplies
{
    /// <summary>
    /// Takes every complete frame off the front of <paramref name="buffer"/>, leaving a partial one in place; returns how
    /// many were replies and the payload type of the last of them.
    /// </summary>
    public static (int Replies, uint LastPayloadType) Take(ref ReadOnlySequence<byte> buffer)
    {
        var replies = 0;
        uint last = 0;
        while (FrameCodec.TryReadFrame(ref buffer, FrameCodec.DefaultMaxFrameSize, out var frame))
        {
            var payloadType = FrameEnvelope.Parse(frame).PayloadType;
            if (payloadType != PayloadRegistry.HeartbeatEvent)
            {
                replies++;
                last = payloadType;
            }
        }

        return (replies, last);
    }
}
