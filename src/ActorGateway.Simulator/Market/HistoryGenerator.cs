using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.ReferenceData;

namespace ActorGateway.Simulator.Market;

/// <summary>
/// Past prices as a pure function of (seed, symbol, time): a few slow waves plus per-second noise around the symbol's
/// start price. Any range can be generated at any time, and the same seed always gives the same history.
/// </summary>
internal sealed class HistoryGenerator(int seed)
{
    /// <summary>Ticks lie on a grid of this many seconds; some grid points are skipped.</summary>
    public const int TickSpacingSeconds = 2;

    // Amplitudes (relative) and periods (minutes) of the waves: a fortnight, a day, ninety-seven minutes.
    private static readonly (double Amplitude, double PeriodMinutes)[] Waves = [(0.010, 20_160), (0.004, 1_440), (0.0015, 97)];
    private const double NoiseAmplitude = 0.0003;

    /// <summary>The bid at a second, in 1/100000 units, rounded to the symbol's digits.</summary>
    public long BidAt(SymbolSpec symbol, long unixSecond)
    {
        var minutes = unixSecond / 60d;
        var exponent = NoiseAmplitude * Noise(symbol.Id, unixSecond);
        for (var i = 0; i < Waves.Length; i++)
        {
            var phase = Noise(symbol.Id, -1 - i) * Math.PI;
            exponent += Waves[i].Amplitude * Math.Sin((2 * Math.PI * minutes / Waves[i].PeriodMinutes) + phase);
        }

        var bid = symbol.StartPrice * Math.Exp(exponent) * Quote.PriceScale;
        return (long)Math.Round(bid / symbol.PointUnits) * symbol.PointUnits;
    }

    /// <summary>Whether a grid second carries a tick.</summary>
    public bool HasTick(SymbolSpec symbol, long unixSecond) =>
        unixSecond % TickSpacingSeconds == 0 && Noise(symbol.Id + 1000, unixSecond) > -0.4;

    /// <summary>The bid bar opening at <paramref name="startMinute"/> and ending before <paramref name="endMinute"/>.</summary>
    public ProtoOATrendbar Bar(SymbolSpec symbol, ProtoOATrendbarPeriod period, long startMinute, long endMinute)
    {
        const int Samples = 12;
        var first = startMinute * 60;
        var last = (endMinute * 60) - TickSpacingSeconds;
        long open = BidAt(symbol, first), close = BidAt(symbol, last), high = Math.Max(open, close), low = Math.Min(open, close);
        for (var i = 1; i < Samples; i++)
        {
            var price = BidAt(symbol, first + ((last - first) * i / Samples));
            high = Math.Max(high, price);
            low = Math.Min(low, price);
        }

        var minutes = endMinute - startMinute;
        return new ProtoOATrendbar
        {
            Period = period, Low = low, DeltaOpen = (ulong)(open - low), DeltaClose = (ulong)(close - low), DeltaHigh = (ulong)(high - low),
            UtcTimestampInMinutes = (uint)startMinute, Volume = (minutes * 18) + (long)((Noise(symbol.Id, startMinute) + 1) * minutes),
        };
    }

    // A hash of (seed, stream, index) mapped to [-1, 1): SplitMix64, so no state and no order dependence.
    private double Noise(long stream, long index)
    {
        var x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)stream * 0xBF58476D1CE4E5B9UL ^ (ulong)index * 0x94D049BB133111EBUL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return ((x >> 11) * (1.0 / (1UL << 53) * 2)) - 1;
    }
}
