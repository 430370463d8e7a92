namespace ActorGateway.Cli.Demo;

/// <summary>What the demo's trading script did: one round trip and the limit order it placed and cancelled.</summary>
/// <param name="Volume">Wire volume (hundredths of a unit).</param>
internal sealed record DemoSummary(
    string Symbol, long Volume, double EntryPrice, double ExitPrice, double LimitPrice, decimal GrossProfit, long PositionId);
