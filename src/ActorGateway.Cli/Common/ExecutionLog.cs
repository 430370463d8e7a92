using ActorGateway.Protocol.Messages;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorGateway.Cli.Common;

/// <summary>
/// Every execution event seen on the connection, and waiters for a particular one: a trading call ends on its first
/// event (ORDER_ACCEPTED), the fill comes after as an event, possibly before anyone waits for it.
/// </summary>
internal sealed class ExecutionLog
{
    /// <summary>How long an order's event may take: the simulator answers at once, a real server within a second or so.</summary>
    public static readonly TimeSpan EventBound = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<ProtoOAExecutionEvent> _events = [];
    private readonly List<(Func<ProtoOAExecutionEvent, bool> Match, TaskCompletionSource<ProtoOAExecutionEvent> Done)> _waiters = [];

    public IReadOnlyList<ProtoOAExecutionEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void Apply(object? message)
    {
        if (message is not ProtoOAExecutionEvent execution)
        {
            return;
        }

        List<TaskCompletionSource<ProtoOAExecutionEvent>> matched = [];
        lock (_gate)
        {
            _events.Add(execution);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(execution))
                {
                    matched.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        // Completed outside the lock; continuations run asynchronously anyway.
        matched.ForEach(done => done.TrySetResult(execution));
    }

    /// <summary>The first event of <paramref name="type"/> for the order (already seen or still to come).</summary>
    /// <exception cref="TimeoutException">None came within <see cref="EventBound"/>.</exception>
    public async Task<ProtoOAExecutionEvent> WaitForAsync(ProtoOAExecutionType type, long orderId, TimeProvider time,
        CancellationToken cancellationToken)
    {
        bool Match(ProtoOAExecutionEvent e) => e.ExecutionType == type && e.Order?.OrderId == orderId;
        var done = new TaskCompletionSource<ProtoOAExecutionEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_events.FirstOrDefault(Match) is { } seen)
            {
                return seen;
            }

            _waiters.Add((Match, done));
        }

        try
        {
            return await done.Task.WaitAsync(EventBound, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {ProtoNames.Of(type)} for order {orderId} within {EventBound.TotalSeconds:0} s.");
        }
    }

    public IRenderable Render(int last = 8)
    {
        var table = new Table().Title("[bold]Execution events[/]").AddColumns("Event", "Order", "Position", "Side", "Units", "Price");
        foreach (var e in Events.TakeLast(last))
        {
            table.AddRow(ProtoNames.Of(e.ExecutionType), Id(e.Order?.OrderId), Id(e.Position?.PositionId),
                e.Order?.TradeData is { } trade ? ProtoNames.Of(trade.TradeSide) : "-",
                e.Order?.TradeData is { } volume ? Volume.Format(volume.Volume) : "-",
                e.Deal is { HasExecutionPrice: true } deal
                    ? deal.ExecutionPrice.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : "-");
        }

        return table;
    }

    private static string Id(long? id) =>
        id is { } value and not 0 ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
}
