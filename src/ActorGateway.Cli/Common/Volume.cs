using System.Globalization;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Common;

/// <summary>
/// Volumes as the user sees them, in units of the symbol's base asset (1000 EURUSD = one thousand euros), everywhere:
/// arguments, tables, summaries and errors. The wire counts hundredths of a unit; only this class converts.
/// </summary>
internal static class Volume
{
    private const decimal WirePerUnit = 100m;

    /// <summary>The wire volume of <paramref name="units"/> of <paramref name="symbol"/>, checked before anything is sent.</summary>
    /// <exception cref="CliException">Not positive, finer than 0.01 units, or outside the symbol's minimum, maximum or step.</exception>
    public static long ToWire(decimal units, ProtoOASymbol symbol, string name)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (units <= 0)
        {
            throw new CliException($"The volume must be a positive number of units, not {Format(units)}.");
        }

        var wire = units * WirePerUnit;
        if (wire != decimal.Truncate(wire))
        {
            throw new CliException($"The volume must be a multiple of 0.01 units, not {Format(units)}.");
        }

        var volume = decimal.ToInt64(wire);
        if (symbol.HasMinVolume && volume < symbol.MinVolume)
        {
            throw new CliException($"{name} takes at least {Format(symbol.MinVolume)} units; {Format(units)} is too little.");
        }

        if (symbol.HasMaxVolume && volume > symbol.MaxVolume)
        {
            throw new CliException($"{name} takes at most {Format(symbol.MaxVolume)} units; {Format(units)} is too much.");
        }

        if (symbol.HasStepVolume && symbol.StepVolume > 0 && volume % symbol.StepVolume != 0)
        {
            throw new CliException($"{name} trades in steps of {Format(symbol.StepVolume)} units; {Format(units)} is not one.");
        }

        return volume;
    }

    /// <summary>A wire volume in units, e.g. 100000 → "1000".</summary>
    public static string Format(long wire) => Format(wire / WirePerUnit);

    private static string Format(decimal units) => units.ToString("0.##", CultureInfo.InvariantCulture);
}
