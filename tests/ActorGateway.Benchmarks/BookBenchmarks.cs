using ActorGateway.Protocol.Messages;
using ActorGateway.State;
using BenchmarkDotNet.Attributes;

namespace ActorGateway.Benchmarks;

/// <summary>
/// Applying depth events to an order book — a ten-quote book (five a side) whose two inner quotes move with every event,
/// as the simulator's do: two ids deleted, two new quotes added — against the least any client must do: the quotes in a
/// dictionary by id, unsorted. Per event.
/// </summary>
[MemoryDiagnoser]
public class BookBenchmarks
{
    private const int Events = 1_000;

    private readonly OrderBookState _book = new();
    private readonly List<(ulong, BookProblem)> _rejected = [];
    private readonly Dictionary<ulong, ProtoOADepthQuote> _plain = [];
    private ProtoOADepthEvent[] _events = [];

    [GlobalSetup]
    public void Setup()
    {
        var whole = new ProtoOADepthEvent { CtidTraderAccountId = 1001, SymbolId = 1 };
        for (ulong level = 1; level <= 4; level++)
        {
            whole.NewQuotes.Add(new ProtoOADepthQuote { Id = level, Bid = 108_000 - (level * 10), Size = level * 100_000 });
            whole.NewQuotes.Add(new ProtoOADepthQuote { Id = 10 + level, Ask = 108_010 + (level * 10), Size = level * 100_000 });
        }

        whole.NewQuotes.Add(new ProtoOADepthQuote { Id = 100, Bid = 108_000, Size = 100_000 });
        whole.NewQuotes.Add(new ProtoOADepthQuote { Id = 101, Ask = 108_010, Size = 100_000 });
        _book.Apply(whole, _rejected);
        foreach (var quote in whole.NewQuotes)
        {
            _plain[quote.Id] = quote;
        }

        // Events alternate between two pairs of ids, so the run can be replayed any number of times.
        _events = [.. Enumerable.Range(0, Events).Select(i =>
        {
            var (gone, next) = i % 2 == 0 ? (100UL, 200UL) : (200UL, 100UL);
            var shift = (ulong)(i % 7);
            return new ProtoOADepthEvent
            {
                CtidTraderAccountId = 1001, SymbolId = 1, DeletedQuotes = { gone, gone + 1 },
                NewQuotes =
                {
                    new ProtoOADepthQuote { Id = next, Bid = 107_998 + shift, Size = 100_000 },
                    new ProtoOADepthQuote { Id = next + 1, Ask = 108_008 + shift, Size = 100_000 },
                },
            };
        })];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int Plain_dictionary()
    {
        foreach (var depth in _events)
        {
            foreach (var id in depth.DeletedQuotes)
            {
                _plain.Remove(id);
            }

            foreach (var quote in depth.NewQuotes)
            {
                _plain[quote.Id] = quote;
            }
        }

        return _plain.Count;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int Order_book()
    {
        foreach (var depth in _events)
        {
            _book.Apply(depth, _rejected);
        }

        return _book.Bids.Count + _rejected.Count;
    }
}
