using ActorGateway.Correlation;
using Akka.Actor;
using Google.Protobuf;

namespace ActorGateway.Session;

/// <summary>
/// The session's market-data subscription changes, made once their account is authorized: each is recorded in the book,
/// then only what changed the book is sent (asking twice for a symbol is no error). A change lost with its connection
/// stays in the book, so the restore renews it and answers the caller; one the server refuses is taken out again.
/// Called on the session actor's turn.
/// </summary>
internal sealed class SubscriptionChanges(SubscriptionBook book, SessionLink link, AccountDesk accounts, IActorRef self)
{
    private readonly List<(IActorRef ReplyTo, ChangeSubscription Command)> _afterRestore = [];

    public void Change(ChangeSubscription change, IActorRef replyTo)
    {
        Action? undo;
        IMessage request;
        try
        {
            request = change.Request.Descriptor.Parser.ParseFrom(change.Request.ToByteString()); // the caller's message stays as it was
            undo = book.Record(request);
        }
        catch (ArgumentException e)
        {
            replyTo.Tell(new Status.Failure(e));
            return;
        }

        if (undo is null)
        {
            replyTo.Tell(new SubscriptionChanged(change.Request)); // nothing new to ask for
            return;
        }

        var pending = link.Create<IMessage>(request);
        pending.Task.PipeTo(self, success: _ => new Done(replyTo, change, undo, null), failure: e => new Done(replyTo, change, undo, e));
        accounts.Dispatch(new Held(pending, self, Returnable: false));
    }

    public void OnDone(Done done)
    {
        switch (done.Error)
        {
            case null:
                done.ReplyTo.Tell(new SubscriptionChanged(done.Command.Request));
                break;
            case GatewayConnectionException:
                _afterRestore.Add((done.ReplyTo, done.Command));
                break;
            default:
                done.Undo();
                done.ReplyTo.Tell(new Status.Failure(done.Error));
                break;
        }
    }

    /// <summary>The session is restored, and with it every subscription in the book.</summary>
    public void Restored()
    {
        foreach (var (replyTo, command) in _afterRestore)
        {
            replyTo.Tell(new SubscriptionChanged(command.Request));
        }

        _afterRestore.Clear();
    }

    public void Fail(Exception reason)
    {
        foreach (var (replyTo, _) in _afterRestore)
        {
            replyTo.Tell(new Status.Failure(reason));
        }

        _afterRestore.Clear();
    }

    /// <summary>A change the session sent ended.</summary>
    internal sealed record Done(IActorRef ReplyTo, ChangeSubscription Command, Action Undo, Exception? Error);
}
