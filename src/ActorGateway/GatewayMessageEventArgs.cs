using ActorGateway.Protocol;

namespace ActorGateway;

/// <summary>A message arrived from the server: an event, or a reply (which has also ended its request).</summary>
/// <param name="message">The message.</param>
public sealed class GatewayMessageEventArgs(OpenApiMessage message) : EventArgs
{
    /// <summary>The message, with its envelope's payload type and clientMsgId.</summary>
    public OpenApiMessage Message { get; } = message;
}
