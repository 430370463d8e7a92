using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace ActorGateway.Cli.Bench;

/// <summary>Prints a table per scenario result and writes all of them as JSON.</summary>
internal static class BenchReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Print(IAnsiConsole console, ScenarioResult result)
    {
        var table = new Table { Title = new TableTitle($"{result.Scenario} ({Markup.Escape(result.Variant)})") };
        table.AddColumns("figure", "median", "low", "high", "unit", "target");
        foreach (var m in result.Measurements)
        {
            var target = m.Target is null ? "" : $"{m.Target} {(m.Met == true ? "[green]met[/]" : "[red]missed[/]")}";
            table.AddRow(Markup.Escape(m.Name), Format(m.Value), Format(m.Low), Format(m.High), Markup.Escape(m.Unit), target);
        }

        if (result.Baseline is not null)
        {
            table.Caption = new TableTitle($"ratios to {Markup.Escape(result.Baseline)}, the fastest raw client of this run");
        }

        console.Write(table);
    }

    public static async Task WriteJsonAsync(string path, IReadOnlyList<ScenarioResult> results, CancellationToken cancellationToken)
    {
        var document = new BenchDocument(DateTimeOffset.UtcNow, Environment.ProcessorCount, Environment.OSVersion.ToString(),
            Environment.Version.ToString(), results);
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, document, Json, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Format(double value) => Math.Abs(value) switch
    {
        double.NaN => "n/a",
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.ToString("F3", CultureInfo.InvariantCulture),
    };

    /// <summary>The JSON file: when, on what, and the results.</summary>
    internal sealed record BenchDocument(DateTimeOffset MeasuredAt, int ProcessorCount, string OperatingSystem, string Runtime,
        IReadOnlyList<ScenarioResult> Results);
}
