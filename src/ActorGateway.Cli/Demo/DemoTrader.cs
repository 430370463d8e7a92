using ActorGateway.Cli.Common;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Demo;

/// <summary>
/// The demo's trading script: a market order that fills, a limit order that waits below the market, closing the
/// position, cancelling the limit order. Each step is reported as one line; the live display shows the rest, and the
/// account mirror and order book are shown while the position is open.
/// </summary>
internal sealed class DemoTrader(CliSession gateway, long accountId, TimeProvider time, Action<string> step, Func<CancellationToken, Task> showState)
{
    public async Task<DemoSummary> RunAsync(TrackedSymbol tracked, CancellationToken cancellationToken)
    {
        var symbol = tracked.Spec;
        var session = gateway.Session;
        await gateway.Quotes.FirstQuoteAsync(symbol.SymbolId).WaitAsync(ExecutionLog.EventBound, time, cancellationToken)
            .ConfigureAwait(false);
        var volume = symbol.MinVolume;
        var units = Volume.Format(volume);

        var accepted = await session.PlaceMarketOrderAsync(accountId, symbol.SymbolId, ProtoOATradeSide.Buy, volume, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var opened = await ExecutionAsync(ProtoOAExecutionType.OrderFilled, accepted.Order.OrderId, cancellationToken).ConfigureAwait(false);
        var positionId = opened.Position.PositionId;
        step($"bought {units} units of {tracked.Name} at {Price(opened.Deal.ExecutionPrice)}: position {positionId}");
        await showState(cancellationToken).ConfigureAwait(false); // the mirror shows the position while it is open

        var bid = gateway.Quotes.Bid(symbol.SymbolId) ?? (decimal)opened.Deal.ExecutionPrice;
        var limitPrice = Math.Round((double)bid * 0.99, symbol.Digits);
        var limit = await session.PlaceLimitOrderAsync(accountId, symbol.SymbolId, ProtoOATradeSide.Buy, volume, limitPrice, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        step($"placed a limit order to buy {units} units of {tracked.Name} at {Price(limitPrice)}: order {limit.Order.OrderId}");

        var closing = await session.ClosePositionAsync(accountId, positionId, volume, cancellationToken: cancellationToken).ConfigureAwait(false);
        var closed = await ExecutionAsync(ProtoOAExecutionType.OrderFilled, closing.Order.OrderId, cancellationToken).ConfigureAwait(false);
        step($"closed position {positionId} at {Price(closed.Deal.ExecutionPrice)}");

        await session.CancelOrderAsync(accountId, limit.Order.OrderId, cancellationToken: cancellationToken).ConfigureAwait(false);

        // The reply ended the call; waiting for it as an event too means the display has it when the script ends.
        await ExecutionAsync(ProtoOAExecutionType.OrderCancelled, limit.Order.OrderId, cancellationToken).ConfigureAwait(false);
        step($"cancelled limit order {limit.Order.OrderId}");

        var detail = closed.Deal.ClosePositionDetail;
        var profit = detail is null ? 0m : detail.GrossProfit / (decimal)Math.Pow(10, detail.MoneyDigits);
        return new DemoSummary(tracked.Name, volume, opened.Deal.ExecutionPrice, closed.Deal.ExecutionPrice, limitPrice, profit,
            positionId);
    }

    private Task<ProtoOAExecutionEvent> ExecutionAsync(ProtoOAExecutionType type, long orderId, CancellationToken cancellationToken) =>
        gateway.Executions.WaitForAsync(type, orderId, time, cancellationToken);

    private static string Price(double price) => price.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
