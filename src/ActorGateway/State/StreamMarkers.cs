using ActorGateway.Protocol.Messages;
using Akka.Actor;

namespace ActorGateway.State;

/// <summary>
/// Markers in an actor's event stream. A marker is a version request sent through the session: its reply comes back
/// to the actor (by an Ask, tagged) and, one and the same message, through the publisher at its place in the stream. When
/// both have come, everything the server sent before the reply has been seen by the actor. The mirror and the books use
/// it to catch up on demand, and a book to know when its old subscription's events have gone by. Owned by one actor.
/// </summary>
internal sealed class StreamMarkers(IActorRef session, TimeSpan timeout)
{
    private const int SeenKept = 64;

    private readonly List<(object Tag, ProtoOAVersionRes Reply)> _replied = [];
    private readonly List<ProtoOAVersionRes> _seen = [];

    public void Send(object tag, IActorRef self) =>
        session.Ask<ProtoOAVersionRes>(new ProtoOAVersionReq(), timeout)
            .PipeTo(self, success: reply => new MarkerReplied(tag, reply), failure: e => new MarkerFailed(tag, e));

    /// <summary>The marker's reply came to the actor; its tag when the stream has brought it already.</summary>
    public object? OnReplied(MarkerReplied replied)
    {
        var index = _seen.FindIndex(seen => ReferenceEquals(seen, replied.Reply));
        if (index >= 0)
        {
            _seen.RemoveAt(index);
            return replied.Tag;
        }

        _replied.Add((replied.Tag, replied.Reply));
        return null;
    }

    /// <summary>A version reply went by in the stream; the tag of the marker it was, if its reply came already.</summary>
    public object? OnSeen(ProtoOAVersionRes reply)
    {
        var index = _replied.FindIndex(r => ReferenceEquals(r.Reply, reply));
        if (index >= 0)
        {
            var tag = _replied[index].Tag;
            _replied.RemoveAt(index);
            return tag;
        }

        if (_seen.Count == SeenKept)
        {
            _seen.RemoveAt(0); // someone else's version requests, a great many of them
        }

        _seen.Add(reply);
        return null;
    }
}

/// <summary>A marker's reply, back at the actor that sent it.</summary>
internal sealed record MarkerReplied(object Tag, ProtoOAVersionRes Reply);

/// <summary>A marker's request failed (no connection, the session's timeout): whoever waited on it is told.</summary>
internal sealed record MarkerFailed(object Tag, Exception Error);
