using Google.Protobuf;

namespace ActorGateway.Session;

internal sealed partial class SessionActor
{
    /// <summary>Anything the session's mailbox accepts.</summary>
    internal interface ISessionMessage
    {
    }

    /// <summary>Command: be connected and authenticated, then complete <paramref name="Waiter"/>.</summary>
    internal sealed record Start(TaskCompletionSource Waiter) : ISessionMessage;

    /// <summary>Command: have <paramref name="AccountId"/> authorized on the connection, then complete <paramref name="Waiter"/>.</summary>
    internal sealed record AuthorizeAccount(long AccountId, TaskCompletionSource Waiter) : ISessionMessage;

    /// <summary>Command: subscribe or unsubscribe market data, keeping the book that every new connection renews.</summary>
    internal sealed record ChangeSubscription(long AccountId, IMessage Request, TaskCompletionSource Waiter) : ISessionMessage;

    /// <summary>Command: exchange the refresh token for a new pair now.</summary>
    internal sealed record RefreshTokens(TaskCompletionSource Waiter) : ISessionMessage;

    /// <summary>Event: the core gave up connecting (its retry policy said stop).</summary>
    internal sealed record ConnectGaveUp(Exception Reason) : ISessionMessage;

    /// <summary>Event: connection <paramref name="Epoch"/> is up, its gate closed until the session restores it.</summary>
    internal sealed record ConnectionUp(int Epoch) : ISessionMessage;

    /// <summary>Event: the connection was lost; every account session on it ended.</summary>
    internal sealed record ConnectionDown : ISessionMessage
    {
        public static readonly ConnectionDown Instance = new();
    }

    /// <summary>Event: the server sent an event about the session (account disconnected, token invalidated, client disconnected).</summary>
    internal sealed record ServerEvent(IMessage Message) : ISessionMessage;

    /// <summary>Where the session stands.</summary>
    private enum Phase
    {
        /// <summary>Not started, or the last start failed: the next call starts over.</summary>
        Idle,

        /// <summary>Connecting or restoring; callers wait.</summary>
        Starting,

        /// <summary>Connected, authenticated and restored; requests flow.</summary>
        Ready,

        /// <summary>The server refused the application's credentials; the next call starts over.</summary>
        Failed,
    }

    /// <summary>What the session knows of one trading account.</summary>
    private sealed class AccountEntry
    {
        /// <summary>The access token it is authorized with on the current connection; null when it is not.</summary>
        public string? AuthorizedWith { get; set; }

        /// <summary>Why it cannot be used; null when it can.</summary>
        public GatewayAccountException? Error { get; set; }

        /// <summary>Callers waiting for it to be authorized.</summary>
        public List<TaskCompletionSource> Waiters { get; } = [];
    }
}
