using ActorGateway.Protocol;

namespace ActorGateway;

/// <summary>
/// A message broke the wire contract: a request that cannot be encoded (e.g. a required field is not set; nothing was
/// written), or a reply the server sent that cannot be decoded. The inner <see cref="ProtocolException"/> says what.
/// </summary>
public sealed class GatewayProtocolException : GatewayException
{
    /// <summary>Creates the exception.</summary>
    public GatewayProtocolException(string message, ProtocolException? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>What the protocol layer reported, when it did.</summary>
    public ProtocolErrorKind? ProtocolErrorKind => (InnerException as ProtocolException)?.Kind;
}
