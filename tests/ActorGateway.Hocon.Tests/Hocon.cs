using Microsoft.Extensions.Configuration;

namespace ActorGateway.Hocon.Tests;

/// <summary>Builds configuration from HOCON text the way an application would.</summary>
internal static class Hocon
{
    public static IConfigurationRoot Load(string text) => new ConfigurationBuilder().AddHoconString(text).Build();

    public static IConfigurationRoot LoadFile(string path) => new ConfigurationBuilder().AddHoconFile(path).Build();

    public static HoconParseException Fails(string text) =>
        Assert.Throws<HoconParseException>(() => new ConfigurationBuilder().AddHoconString(text).Build());

    /// <summary>The values of the elements of the array at <paramref name="key"/>, in order ("(null)" for a null).</summary>
    public static string[] Elements(this IConfiguration config, string key) =>
        [.. config.GetSection(key).GetChildren().Select(child => child.Value ?? "(null)")];

    /// <summary>Every key and value, sorted, for comparing a whole document at once.</summary>
    public static string[] Pairs(string text) =>
        [.. Load(text).AsEnumerable()
            .Where(pair => pair.Value is not null)
            .Select(pair => $"{pair.Key}={pair.Value}")
            .Order(StringComparer.Ordinal)];
}
