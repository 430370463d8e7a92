using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActorGateway.Cli.Soak;

/// <summary>How the soaks' JSON reports are written: indented, counts by name as objects.</summary>
internal static class ReportJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Named counts as one JSON object, in the order given.</summary>
    public static JsonObject Counts(IEnumerable<KeyValuePair<string, long>> pairs) =>
        new([.. pairs.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]);
}
