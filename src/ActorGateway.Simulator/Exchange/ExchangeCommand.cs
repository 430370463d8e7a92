using ActorGateway.Protocol;
using ActorGateway.Simulator.Sessions;

namespace ActorGateway.Simulator.Exchange;

/// <summary>What the exchange's mailbox carries.</summary>
internal abstract record ExchangeCommand
{
    private ExchangeCommand()
    {
    }

    /// <summary>A request from an application-authenticated connection, already past the session rules.</summary>
    public sealed record Request(Connection From, OpenApiMessage Message) : ExchangeCommand;

    /// <summary>A connection ended: its account sessions and subscriptions go.</summary>
    public sealed record ConnectionClosed(Connection Connection) : ExchangeCommand;

    /// <summary>The market ticker fired.</summary>
    public sealed record MarketTick : ExchangeCommand
    {
        public static readonly MarketTick Instance = new();
    }

    /// <summary>Revoke an access token (fault injection).</summary>
    public sealed record InvalidateToken(string AccessToken, string Reason) : ExchangeCommand;

    /// <summary>End an account's sessions on every connection (fault injection).</summary>
    public sealed record DisconnectAccount(long AccountId) : ExchangeCommand;
}
