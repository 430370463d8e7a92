using Akka.Actor;

namespace ActorGateway.Session;

/// <summary>
/// A message the session keeps for later, with its sender. <paramref name="Returnable"/> is false for the session's own
/// requests, which fail rather than come back when their connection goes (the next restore renews what they asked).
/// </summary>
internal readonly record struct Held(object Message, IActorRef Sender, bool Returnable = true);
