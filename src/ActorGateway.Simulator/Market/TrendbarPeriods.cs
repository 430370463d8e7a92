using ActorGateway.Protocol.Messages;

namespace ActorGateway.Simulator.Market;

/// <summary>Bar lengths, bar boundaries and the largest from..to span the server accepts per period (reference §4.2).</summary>
internal static class TrendbarPeriods
{
    private const long MinutesPerDay = 1440;

    // 1970-01-01 was a Thursday: weekly bars open on Monday, four days later.
    private const long FirstMondayMinute = 4 * MinutesPerDay;

    public static IReadOnlyList<ProtoOATrendbarPeriod> All { get; } = Enum.GetValues<ProtoOATrendbarPeriod>();

    public static bool IsKnown(ProtoOATrendbarPeriod period) => period is >= ProtoOATrendbarPeriod.M1 and <= ProtoOATrendbarPeriod.Mn1;

    public static TimeSpan MaxSpan(ProtoOATrendbarPeriod period) => period switch
    {
        <= ProtoOATrendbarPeriod.M5 => TimeSpan.FromMilliseconds(302_400_000),
        <= ProtoOATrendbarPeriod.H1 => TimeSpan.FromMilliseconds(21_168_000_000),
        <= ProtoOATrendbarPeriod.D1 => TimeSpan.FromMilliseconds(31_622_400_000),
        _ => TimeSpan.FromMilliseconds(158_112_000_000),
    };

    /// <summary>The minute the bar containing <paramref name="minute"/> opens at.</summary>
    public static long BarStart(ProtoOATrendbarPeriod period, long minute)
    {
        switch (period)
        {
            case ProtoOATrendbarPeriod.Mn1:
                var date = DateTimeOffset.UnixEpoch.AddMinutes(minute);
                return (long)(new DateTimeOffset(date.Year, date.Month, 1, 0, 0, 0, TimeSpan.Zero) - DateTimeOffset.UnixEpoch).TotalMinutes;
            case ProtoOATrendbarPeriod.W1:
                return minute - Modulo(minute - FirstMondayMinute, 7 * MinutesPerDay);
            default:
                var length = FixedMinutes(period);
                return minute - Modulo(minute, length);
        }
    }

    /// <summary>The minute the bar after the one opening at <paramref name="start"/> opens at.</summary>
    public static long NextStart(ProtoOATrendbarPeriod period, long start) => period == ProtoOATrendbarPeriod.Mn1
        ? (long)(DateTimeOffset.UnixEpoch.AddMinutes(start).AddMonths(1) - DateTimeOffset.UnixEpoch).TotalMinutes
        : start + (period == ProtoOATrendbarPeriod.W1 ? 7 * MinutesPerDay : FixedMinutes(period));

    private static long FixedMinutes(ProtoOATrendbarPeriod period) => period switch
    {
        ProtoOATrendbarPeriod.M1 => 1,
        ProtoOATrendbarPeriod.M2 => 2,
        ProtoOATrendbarPeriod.M3 => 3,
        ProtoOATrendbarPeriod.M4 => 4,
        ProtoOATrendbarPeriod.M5 => 5,
        ProtoOATrendbarPeriod.M10 => 10,
        ProtoOATrendbarPeriod.M15 => 15,
        ProtoOATrendbarPeriod.M30 => 30,
        ProtoOATrendbarPeriod.H1 => 60,
        ProtoOATrendbarPeriod.H4 => 240,
        ProtoOATrendbarPeriod.H12 => 720,
        _ => MinutesPerDay,
    };

    private static long Modulo(long value, long length) => ((value % length) + length) % length;
}
