namespace ActorGateway.Protocol.Registry;

/// <summary>The role a payload type plays in the conversation.</summary>
public enum MessageKind
{
    /// <summary>Sent by the client; the server answers it.</summary>
    Request,

    /// <summary>Sent by the server in answer to a request (including the two error replies).</summary>
    Response,

    /// <summary>Sent without being asked (heartbeats travel both ways).</summary>
    Event,
}
