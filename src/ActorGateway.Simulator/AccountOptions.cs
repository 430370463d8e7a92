namespace ActorGateway.Simulator;

/// <summary>One trading account, in a USD-denominated hedged book.</summary>
public sealed class AccountOptions
{
    /// <summary>The ctidTraderAccountId.</summary>
    public long AccountId { get; set; }

    /// <summary>The account number a trader sees (default 0: derived from the id).</summary>
    public long TraderLogin { get; set; }

    /// <summary>True for a live account (default false: demo).</summary>
    public bool IsLive { get; set; }

    /// <summary>The starting balance in USD (default 10,000).</summary>
    public decimal Balance { get; set; } = 10_000m;

    /// <summary>The leverage as 1:N (default 100).</summary>
    public int Leverage { get; set; } = 100;

    /// <summary>The number of decimals in money amounts (default 2).</summary>
    public int MoneyDigits { get; set; } = 2;

    /// <summary>The broker name shown for the account (default "ActorGateway Sim").</summary>
    public string BrokerName { get; set; } = "ActorGateway Sim";
}
