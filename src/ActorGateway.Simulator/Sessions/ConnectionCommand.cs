using ActorGateway.Protocol;
using Google.Protobuf;

namespace ActorGateway.Simulator.Sessions;

/// <summary>What a connection's mailbox carries: frames from its socket, replies and events from the exchange, timers, faults.</summary>
internal abstract record ConnectionCommand
{
    private ConnectionCommand()
    {
    }

    /// <summary>A frame decoded off the socket.</summary>
    public sealed record FrameReceived(OpenApiMessage Message) : ConnectionCommand;

    /// <summary>A frame whose payload did not decode; the stream is still in sync.</summary>
    public sealed record BadFrameReceived(ProtocolException Error) : ConnectionCommand;

    /// <summary>The socket ended, cleanly (null) or with the given failure.</summary>
    public sealed record ReadEnded(Exception? Error) : ConnectionCommand;

    /// <summary>Write one frame to the client.</summary>
    public sealed record Send(IMessage Message, string? ClientMsgId) : ConnectionCommand;

    /// <summary>Write one frame to the client, then close.</summary>
    public sealed record SendAndClose(IMessage Message, string Reason) : ConnectionCommand;

    /// <summary>Close now, without a word (a dropped connection).</summary>
    public sealed record Drop(string Reason) : ConnectionCommand;

    /// <summary>The heartbeat timer fired.</summary>
    public sealed record HeartbeatDue : ConnectionCommand
    {
        public static readonly HeartbeatDue Instance = new();
    }

    /// <summary>The idle timer fired.</summary>
    public sealed record IdleCheckDue : ConnectionCommand
    {
        public static readonly IdleCheckDue Instance = new();
    }

    /// <summary>The delayed-reply timer fired.</summary>
    public sealed record DelayedDue : ConnectionCommand
    {
        public static readonly DelayedDue Instance = new();
    }
}
