using ActorGateway.Protocol.Messages;

namespace ActorGateway.Simulator.Inbound;

/// <summary>
/// A client made the server hold more than it allows (an incomplete frame over the shared budget, or one left unfinished
/// too long): the connection is told why, with <see cref="Code"/>, and closed.
/// </summary>
internal sealed class InboundLimitException(ProtoErrorCode code, string message) : Exception(message)
{
    /// <summary>The error code the client is sent before the close.</summary>
    public ProtoErrorCode Code { get; } = code;
}
