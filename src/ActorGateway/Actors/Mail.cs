using ActorGateway.Protocol;

namespace ActorGateway.Actors;

/// <summary>
/// One item in the connection actor's mailbox: a command or event, or a frame read from a connection. Frames, by far
/// the most frequent item, travel in this struct itself, so receiving a message allocates nothing beyond the message.
/// </summary>
/// <param name="Message">The command or event; null for a frame.</param>
/// <param name="Source">For a frame, the connection it was read from (frames of a connection since broken are dropped).</param>
/// <param name="Frame">For a frame, the decoded message.</param>
internal readonly record struct Mail(IConnectionMessage? Message, Connection? Source, OpenApiMessage Frame)
{
    public static Mail Of(IConnectionMessage message) => new(message, null, default);

    public static Mail FrameFrom(Connection source, in OpenApiMessage frame) => new(null, source, frame);
}
