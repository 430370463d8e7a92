using ActorGateway.Diagnostics;
using Akka.Actor;

namespace ActorGateway.Actors;

/// <summary>
/// Raises the client's events one at a time, in the order they came. A handler that throws is logged and the next
/// event is raised as usual: a handler's bug is never the gateway's failure, so nothing here reaches the supervisor.
/// </summary>
internal sealed class EventRaiser(EventDispatcher dispatcher) : UntypedActor
{
    /// <summary>Completes <paramref name="Done"/> once every event told before it has been raised.</summary>
    internal sealed record Drain(TaskCompletionSource Done);

    public static Props Props(EventDispatcher dispatcher) => Akka.Actor.Props.Create(() => new EventRaiser(dispatcher));

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case EventArgs e:
                try
                {
                    dispatcher.Raise(e);
                }
                catch (Exception error)
                {
                    dispatcher.Log.HandlerFailed(EventName(e), error);
                }
                finally
                {
                    dispatcher.Raised();
                }

                break;
            case Drain drain:
                drain.Done.TrySetResult();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private static string EventName(EventArgs e) =>
        e.GetType().Name.Replace("Gateway", "", StringComparison.Ordinal).Replace("EventArgs", "", StringComparison.Ordinal);
}
