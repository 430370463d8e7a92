using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.ReferenceData;

namespace ActorGateway.Simulator.Trading;

/// <summary>One trading account's book: balance, open positions, pending orders and the history of orders and deals.</summary>
internal sealed class Account
{
    public Account(AccountOptions options, DateTimeOffset openedAt)
    {
        Options = options;
        Id = options.AccountId;
        TraderLogin = options.TraderLogin != 0 ? options.TraderLogin : 5_000_000 + options.AccountId;
        MoneyScale = Math.Pow(10, options.MoneyDigits);
        Balance = ToMoney((double)options.Balance);
        OpenedAt = openedAt;
        InitialDeposit = Balance;
    }

    public long Id { get; }

    public AccountOptions Options { get; }

    public long TraderLogin { get; }

    public DateTimeOffset OpenedAt { get; }

    public long InitialDeposit { get; }

    /// <summary>The balance in money units (10^-moneyDigits USD).</summary>
    public long Balance { get; set; }

    public long BalanceVersion { get; set; } = 1;

    public Dictionary<long, ProtoOAPosition> Positions { get; } = [];

    public Dictionary<long, ProtoOAOrder> PendingOrders { get; } = [];

    /// <summary>Every order ever placed, by id.</summary>
    public Dictionary<long, ProtoOAOrder> Orders { get; } = [];

    public List<ProtoOADeal> Deals { get; } = [];

    private double MoneyScale { get; }

    public long ToMoney(double usd) => (long)Math.Round(usd * MoneyScale);

    public double ToUsd(long money) => money / MoneyScale;

    public ProtoOATrader ToTrader() => new()
    {
        CtidTraderAccountId = Id, Balance = Balance, BalanceVersion = BalanceVersion, DepositAssetId = Catalog.Usd,
        LeverageInCents = (uint)(Options.Leverage * 100), MaxLeverage = (uint)Options.Leverage, TraderLogin = TraderLogin,
        AccessRights = ProtoOAAccessRights.FullAccess, AccountType = ProtoOAAccountType.Hedged, BrokerName = Options.BrokerName,
        MoneyDigits = (uint)Options.MoneyDigits, RegistrationTimestamp = OpenedAt.ToUnixTimeMilliseconds(),
        TotalMarginCalculationType = ProtoOATotalMarginCalculationType.Max,
    };
}
