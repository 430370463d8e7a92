using System.Globalization;
using Akka.Actor;

namespace ActorGateway.State;

/// <summary>
/// The parent of one session's mirrors and books, made by the session's facade on first use as
/// <c>/user/gateway-{name}-state</c> beside the gateway (the gateway actor's children belong to the core). It makes
/// each mirror and book once, named by account and symbol, so two callers share them; it restarts one that fails (the
/// restarted actor subscribes and loads afresh: the server is the source of truth) and stops one that keeps failing,
/// and it stops with everything under it when the session's actor stops.
/// </summary>
internal sealed class StateActor(IActorRef session, IActorRef publisher, StateSettings settings) : UntypedActor
{
    public static Props Props(IActorRef session, IActorRef publisher, StateSettings settings) =>
        Akka.Actor.Props.Create(() => new StateActor(session, publisher, settings));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(10, TimeSpan.FromMinutes(1), _ => Directive.Restart);

    protected override void PreStart() => Context.Watch(session);

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case MirrorAccount mirror when mirror.AccountId > 0:
                var name = string.Create(CultureInfo.InvariantCulture, $"mirror-{mirror.AccountId}");
                var actor = ChildOrNew(name, () => MirrorActor.Props(mirror.AccountId, session, publisher, settings));
                Sender.Tell(new AccountMirrorStarted(mirror.AccountId, actor));
                break;
            case StartOrderBook book when book.AccountId > 0 && book.SymbolId > 0:
                var bookName = string.Create(CultureInfo.InvariantCulture, $"book-{book.AccountId}-{book.SymbolId}");
                var bookActor = ChildOrNew(bookName, () => BookActor.Props(book.AccountId, book.SymbolId, session, publisher, settings));
                Sender.Tell(new OrderBookStarted(book.AccountId, book.SymbolId, bookActor));
                break;
            case MirrorAccount or StartOrderBook:
                Sender.Tell(new Status.Failure(new ArgumentOutOfRangeException(nameof(message), message,
                    "Account and symbol ids must be positive.")));
                break;
            case Terminated terminated when terminated.ActorRef.Equals(session):
                Context.Stop(Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private static IActorRef ChildOrNew(string name, Func<Props> props)
    {
        var child = Context.Child(name);
        return child.IsNobody() ? Context.ActorOf(props(), name) : child;
    }
}
