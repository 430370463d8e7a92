using Microsoft.Extensions.Configuration;

namespace ActorGateway.Simulator.Hosting;

/// <summary>
/// Reads <see cref="SimulatorOptions"/> from a JSON file. Keys may be PascalCase (<c>IdleTimeout</c>) or kebab-case
/// (<c>idle-timeout</c>): dashes are dropped before binding, the same mapping the HOCON provider will use.
/// </summary>
internal static class SimulatorConfiguration
{
    public static SimulatorOptions Load(string? path)
    {
        var options = new SimulatorOptions();
        if (path is null)
        {
            return options;
        }

        var raw = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path), optional: false).Build();
        var normalized = raw.AsEnumerable()
            .Where(pair => pair.Value is not null)
            .Select(pair => KeyValuePair.Create(pair.Key.Replace("-", "", StringComparison.Ordinal), pair.Value));
        new ConfigurationBuilder().AddInMemoryCollection(normalized).Build().Bind(options);
        return options;
    }
}
