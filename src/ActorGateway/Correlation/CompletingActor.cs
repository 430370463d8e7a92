using Akka.Actor;

namespace ActorGateway.Correlation;

/// <summary>
/// An actor that ends Task callers' requests: those ended during one turn are completed together after it, from one
/// pool item, never on the actor's thread (see <see cref="CompletionBatch"/>).
/// </summary>
internal abstract class CompletingActor : UntypedActor
{
    protected override bool AroundReceive(Receive receive, object message)
    {
        CompletionBatch.Gather();
        try
        {
            return base.AroundReceive(receive, message);
        }
        finally
        {
            CompletionBatch.Dispatch();
        }
    }
}
