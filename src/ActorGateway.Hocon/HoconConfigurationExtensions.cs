using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace ActorGateway.Hocon;

/// <summary>
/// Adds HOCON documents to an <see cref="IConfigurationBuilder"/>.
/// </summary>
/// <remarks>
/// <para>Keys are exposed with their dashes removed, so the kebab-case key <c>heartbeat-interval</c> becomes
/// <c>heartbeatinterval</c> and binds the property <c>HeartbeatInterval</c> (binding ignores case). Nested objects become
/// <c>a:b:c</c> and array elements <c>a:0</c>, <c>a:1</c>. Every key loses its dashes, quoted keys and dictionary keys
/// included.</para>
/// <para>Unquoted durations (<c>10s</c>, <c>250ms</c>, <c>2 minutes</c>, <c>1h</c>, <c>1d</c>; units ns, us, ms, s, m, h, d and
/// their long names) become <see cref="TimeSpan"/> text such as <c>00:00:10</c>; unquoted sizes (<c>16MiB</c>, <c>512k</c>,
/// <c>1 GB</c>) become a byte count. <c>m</c> means minutes: write <c>M</c> or <c>MiB</c> for mebibytes. Quoted strings
/// are never converted. Values from environment variables are converted like unquoted text.</para>
/// <para><c>${path}</c> and <c>${?path}</c> are resolved against the whole document after its includes are merged, then
/// against the environment variable named by the path; errors never show an environment variable's value.</para>
/// <para>Each <c>AddHocon…</c> call is a separate configuration source: its substitutions see only its own document (and
/// its includes), and it is layered key by key over earlier sources like any other source, so an array
/// in a later source replaces an earlier one only index by index. For HOCON's own override rules (a later array replaces
/// the whole earlier one), have the user's file <c>include "reference.conf"</c> and add only the user's file.</para>
/// </remarks>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds the HOCON file at <paramref name="path"/>, read when the configuration is built.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file; a relative path is relative to the builder's base path (see <c>SetBasePath</c>,
    /// default: the application's directory). Includes in it are relative to the file's own directory.</param>
    /// <param name="optional">Whether a missing file is ignored (default: false).</param>
    /// <returns>The builder.</returns>
    /// <remarks>Building the configuration throws <see cref="HoconParseException"/> for an invalid document and
    /// <see cref="FileNotFoundException"/> for a missing file that is not optional.</remarks>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(Path.Combine(BaseDirectory(builder), path));
        return builder.Add(new HoconConfigurationSource(() => HoconDocument.LoadFile(fullPath, optional)));
    }

    /// <summary>Adds a HOCON document held in a string, read when the configuration is built.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="text">The document.</param>
    /// <param name="sourceName">The name that error messages give as the file (default: <c>&lt;string&gt;</c>).</param>
    /// <returns>The builder.</returns>
    /// <remarks>Includes are relative to the builder's base path. Building the configuration throws
    /// <see cref="HoconParseException"/> for an invalid document.</remarks>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, string text, string sourceName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var baseDirectory = BaseDirectory(builder);
        return builder.Add(new HoconConfigurationSource(() => HoconDocument.LoadText(text, sourceName, baseDirectory)));
    }

    /// <summary>
    /// Whether a provider's value for <paramref name="key"/> was written in a file: true for file-based providers (JSON,
    /// XML, INI) and for a HOCON document where the key holds text of its own; false for the environment, for values
    /// given in code, and for a HOCON key that is an environment variable substituted whole (<c>key = ${?VARIABLE}</c>).
    /// What keeps secrets out of files asks this.
    /// </summary>
    /// <param name="provider">The provider that supplies the key's value.</param>
    /// <param name="key">The configuration key, e.g. <c>ActorGateway:Session:ClientSecret</c>.</param>
    /// <returns>True when the value comes from a file's own text.</returns>
    public static bool IsWrittenInFile(this IConfigurationProvider provider, string key) => provider switch
    {
        HoconConfigurationProvider hocon => !hocon.IsFromEnvironment(key),
        FileConfigurationProvider => true,
        _ => false,
    };

    private static string BaseDirectory(IConfigurationBuilder builder) =>
        builder.GetFileProvider() is PhysicalFileProvider physical ? physical.Root : AppContext.BaseDirectory;
}
