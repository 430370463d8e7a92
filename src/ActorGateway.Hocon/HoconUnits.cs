using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorGateway.Hocon;

/// <summary>
/// Turns unquoted durations (<c>10s</c>, <c>250 ms</c>, <c>2 minutes</c>) into <see cref="TimeSpan"/> text (<c>00:00:10</c>)
/// and sizes (<c>16MiB</c>, <c>512k</c>, <c>1 GB</c>) into a byte count, so the configuration binder can read them.
/// HOCON's <c>m</c> is minutes here (write <c>M</c> or <c>MiB</c> for mebibytes); single lower-case size letters other
/// than <c>k</c> are left alone so that words like <c>2b</c> stay text.
/// </summary>
internal static partial class HoconUnits
{
    private const decimal TicksPerNanosecond = 0.01m;

    private static readonly FrozenDictionary<string, decimal> s_ticksPerUnit = BuildTable(
        (TicksPerNanosecond, ["ns", "nano", "nanos", "nanosecond", "nanoseconds"]),
        (TimeSpan.TicksPerMicrosecond, ["us", "micro", "micros", "microsecond", "microseconds"]),
        (TimeSpan.TicksPerMillisecond, ["ms", "milli", "millis", "millisecond", "milliseconds"]),
        (TimeSpan.TicksPerSecond, ["s", "second", "seconds"]),
        (TimeSpan.TicksPerMinute, ["m", "minute", "minutes"]),
        (TimeSpan.TicksPerHour, ["h", "hour", "hours"]),
        (TimeSpan.TicksPerDay, ["d", "day", "days"])).ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, decimal> s_bytesPerUnit = BuildSizeTable().ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The converted text, or null when <paramref name="text"/> is not a number followed by a known unit.</summary>
    public static string? TryConvert(string text)
    {
        var match = Quantity().Match(text);
        if (!match.Success
            || !decimal.TryParse(match.Groups["number"].ValueSpan, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var unit = match.Groups["unit"].Value;
        try
        {
            if (s_ticksPerUnit.TryGetValue(unit, out var ticks))
            {
                return TimeSpan.FromTicks(decimal.ToInt64(decimal.Round(number * ticks))).ToString("c", CultureInfo.InvariantCulture);
            }

            return s_bytesPerUnit.TryGetValue(unit, out var bytes)
                ? decimal.Round(number * bytes).ToString("0", CultureInfo.InvariantCulture)
                : null;
        }
        catch (OverflowException)
        {
            // Too large for a TimeSpan or a decimal: leave the text for the binder to reject with its own message.
            return null;
        }
    }

    [GeneratedRegex(@"^\s*(?<number>[+-]?[0-9]+(\.[0-9]+)?)\s*(?<unit>[A-Za-z]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();

    private static Dictionary<string, decimal> BuildSizeTable()
    {
        var table = BuildTable((1m, ["B", "byte", "bytes"]));
        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        const string Letters = "KMGTPEZY";
        decimal power1000 = 1, power1024 = 1;
        for (var i = 0; i < Letters.Length; i++)
        {
            power1000 *= 1000;
            power1024 *= 1024;
            var letter = Letters[i].ToString();
            var lowerPrefix = i == 0 ? "k" : letter;
            AddAll(table, power1000, [$"{lowerPrefix}B", $"{decimalNames[i]}byte", $"{decimalNames[i]}bytes"]);
            AddAll(table, power1024, [letter, $"{letter}i", $"{letter}iB", $"{binaryNames[i]}byte", $"{binaryNames[i]}bytes"]);
        }

        table["k"] = 1024;
        return table;
    }

    private static Dictionary<string, decimal> BuildTable(params (decimal Factor, string[] Names)[] groups)
    {
        var table = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (factor, names) in groups)
        {
            AddAll(table, factor, names);
        }

        return table;
    }

    private static void AddAll(Dictionary<string, decimal> table, decimal factor, string[] names)
    {
        foreach (var name in names)
        {
            table[name] = factor;
        }
    }
}
