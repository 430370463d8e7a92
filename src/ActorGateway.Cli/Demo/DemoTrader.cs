using ActorGateway.Cli.Common;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Demo;

/// <summary>
/// The demo's trading script: a market order that fills, a limit order that waits below the market, closing the
/// position, cancelling the limit order. It only updates the gateway's state; the live display shows it.
/// </summary>
internal sealed class DemoTrader(CliGateway gateway, long accountId, TimeProvider time)
{
    public async Task<DemoSummary> RunAsync(TrackedSymbol tracked, CancellationToken cancellationToken)
    {
        var symbol = tracked.Spec;
        var client = gateway.Client;
        await gateway.Quotes.FirstQuoteAsync(symbol.SymbolId).WaitAsync(ExecutionLog.EventBound, time, cancellationToken)
            .ConfigureAwait(false);
        var volume = symbol.MinVolume;

        var accepted = await client.PlaceMarketOrderAsync(accountId, symbol.SymbolId, ProtoOATradeSide.Buy, volume,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var opened = await ExecutionAsync(ProtoOAExecutionType.OrderFilled, accepted.Order.OrderId,
            cancellationToken).ConfigureAwait(false);

        var bid = gateway.Quotes.Bid(symbol.SymbolId) ?? (decimal)opened.Deal.ExecutionPrice;
        var limitPrice = Math.Round((double)bid * 0.99, symbol.Digits);
        var limit = await client.PlaceLimitOrderAsync(accountId, symbol.SymbolId, ProtoOATradeSide.Buy, volume, limitPrice,
            cancellationToken: cancellationToken).ConfigureAwait(false);

        var positionId = opened.Position.PositionId;
        var closing = await client.ClosePositionAsync(accountId, positionId, volume, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var closed = await ExecutionAsync(ProtoOAExecutionType.OrderFilled, closing.Order.OrderId,
            cancellationToken).ConfigureAwait(false);

        await client.CancelOrderAsync(accountId, limit.Order.OrderId, cancellationToken: cancellationToken).ConfigureAwait(false);

        // The reply ended the call; waiting for it as an event too means the display has it when the script ends.
        await ExecutionAsync(ProtoOAExecutionType.OrderCancelled, limit.Order.OrderId,
            cancellationToken).ConfigureAwait(false);

        var detail = closed.Deal.ClosePositionDetail;
        var profit = detail is null ? 0m : detail.GrossProfit / (decimal)Math.Pow(10, detail.MoneyDigits);
        return new DemoSummary(tracked.Name, volume, opened.Deal.ExecutionPrice, closed.Deal.ExecutionPrice, limitPrice, profit,
            positionId);
    }

    private Task<ProtoOAExecutionEvent> ExecutionAsync(ProtoOAExecutionType type, long orderId, CancellationToken cancellationToken) =>
        gateway.Executions.WaitForAsync(type, orderId, time, cancellationToken);
}
