using ActorGateway.Actors;
using ActorGateway.Correlation;
using ActorGateway.Diagnostics;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Session;

internal sealed partial class SessionActor
{
    /// <summary>Handles what a user sent, the session being ready; false when it was none of that.</summary>
    private bool HandleUserInput(object message, IActorRef sender, bool returnable)
    {
        switch (message)
        {
            case Unsent unsent when unsent.Request.BoundTo == _epoch:
                // Its connection is gone and the news is on its way: it waits for the next one.
                _held.Add(new Held(unsent.Request, sender));
                return true;
            case Unsent unsent:
                _accounts.Dispatch(new Held(unsent.Request, sender));
                return true;
            case IPendingRequest or AuthorizeAccount or ChangeSubscription:
                _accounts.Dispatch(new Held(message, sender, returnable));
                return true;
            case RefreshTokens:
                _tokens.RefreshFor(sender, _epoch);
                return true;
            case StartSession:
                sender.Tell(SessionStarted.Instance);
                return true;
            default:
                return false;
        }
    }

    private void OnAccountOutcome(AccountOutcome outcome)
    {
        if (_accounts.OnOutcome(outcome) && CurrentState == Phase.Restoring && _accounts.RestoreNext(outcome.Job.AccountId))
        {
            EnterReady();
        }
    }
}
