namespace ActorGateway.Simulator.ReferenceData;

/// <summary>One tradable symbol. Volumes are in 0.01 of a unit, as on the wire; prices in the symbol's own decimals.</summary>
/// <param name="Id">The symbolId.</param>
/// <param name="Name">The symbol name ("EURUSD").</param>
/// <param name="BaseAssetId">The asset bought by a buy.</param>
/// <param name="QuoteAssetId">The asset prices are quoted in.</param>
/// <param name="CategoryId">The symbol category.</param>
/// <param name="Digits">Decimals of a price.</param>
/// <param name="PipPosition">Decimals of a pip.</param>
/// <param name="LotSize">One lot, in 0.01 units.</param>
/// <param name="MinVolume">The smallest order, in 0.01 units.</param>
/// <param name="StepVolume">The volume step, in 0.01 units.</param>
/// <param name="MaxVolume">The largest order, in 0.01 units.</param>
/// <param name="StartPrice">The bid the market starts near.</param>
/// <param name="SpreadPoints">Ask minus bid, in points (units of the last digit).</param>
/// <param name="Description">A readable name.</param>
internal sealed record SymbolSpec(
    long Id, string Name, long BaseAssetId, long QuoteAssetId, long CategoryId, int Digits, int PipPosition,
    long LotSize, long MinVolume, long StepVolume, long MaxVolume, double StartPrice, int SpreadPoints, string Description)
{
    /// <summary>One point (the last digit) in the wire's 1/100000 price units.</summary>
    public long PointUnits => (long)Math.Pow(10, 5 - Digits);
}
