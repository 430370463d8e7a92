using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace ActorGateway.State;

/// <summary>What the mirror and book actors run with, fixed when the session's state actor starts.</summary>
/// <param name="LoggerFactory">The session's logger factory.</param>
/// <param name="RetryInterval">How long a mirror or book waits before asking again after the session refused or failed.</param>
/// <param name="RequestTimeout">The session's request timeout, for the markers the actors send.</param>
/// <param name="ChangeCapacity">How many changes may wait for one subscriber before the oldest are dropped.</param>
internal sealed record StateSettings(ILoggerFactory LoggerFactory, TimeSpan RetryInterval, TimeSpan RequestTimeout, int ChangeCapacity = 10_000);

/// <summary>The tag of a marker sent for <see cref="CatchUp"/>: who to answer.</summary>
internal sealed record CatchUpFor(IActorRef Asker);
