namespace ActorGateway.Simulator.Market;

/// <summary>A bid and ask in the wire's 1/100000 price units.</summary>
internal readonly record struct Quote(long Bid, long Ask)
{
    public const double PriceScale = 100_000d;

    public double BidPrice => Bid / PriceScale;

    public double AskPrice => Ask / PriceScale;

    public double Mid => (Bid + Ask) / 2d / PriceScale;
}
