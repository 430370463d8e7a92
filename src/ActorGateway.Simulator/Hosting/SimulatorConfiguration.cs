using ActorGateway.Hocon;
using Microsoft.Extensions.Configuration;

namespace ActorGateway.Simulator.Hosting;

/// <summary>
/// Reads <see cref="SimulatorOptions"/> from a <c>--config</c> file. A <c>.json</c> file holds the options at its root;
/// any other file is HOCON and holds them in its <c>simulator</c> section, the layout of <c>hocon/reference.conf</c>, so
/// one file can configure a gateway and a simulator. Keys may be PascalCase or kebab-case: dashes are dropped before
/// binding.
/// </summary>
internal static class SimulatorConfiguration
{
    /// <summary>The section of a HOCON file that holds the simulator's options.</summary>
    public const string HoconSection = "simulator";

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="HoconParseException">A HOCON file is not valid; the message names file, line and column.</exception>
    public static SimulatorOptions Load(string? path)
    {
        var options = new SimulatorOptions();
        if (path is null)
        {
            return options;
        }

        var fullPath = Path.GetFullPath(path);
        if (string.Equals(Path.GetExtension(fullPath), ".json", StringComparison.OrdinalIgnoreCase))
        {
            var raw = new ConfigurationBuilder().AddJsonFile(fullPath, optional: false).Build();
            var normalized = raw.AsEnumerable()
                .Where(pair => pair.Value is not null)
                .Select(pair => KeyValuePair.Create(pair.Key.Replace("-", "", StringComparison.Ordinal), pair.Value));
            new ConfigurationBuilder().AddInMemoryCollection(normalized).Build().Bind(options);
        }
        else
        {
            new ConfigurationBuilder().AddHoconFile(fullPath).Build().GetSection(HoconSection).Bind(options);
        }

        return options;
    }
}
