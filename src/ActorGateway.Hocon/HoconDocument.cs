using ActorGateway.Hocon.Resolution;
using ActorGateway.Hocon.Syntax;
using ActorGateway.Hocon.Tree;

namespace ActorGateway.Hocon;

/// <summary>Reads, resolves and flattens a HOCON document into configuration data.</summary>
internal static class HoconDocument
{
    /// <exception cref="FileNotFoundException">The file is missing and not optional.</exception>
    /// <exception cref="HoconParseException">The document or an included file is invalid.</exception>
    public static HoconData LoadFile(string fullPath, bool optional)
    {
        if (!File.Exists(fullPath))
        {
            return optional
                ? new HoconData()
                : throw new FileNotFoundException($"The HOCON configuration file '{fullPath}' was not found.", fullPath);
        }

        return Load(HoconDocumentReader.ReadFile(fullPath));
    }

    /// <exception cref="HoconParseException">The text or an included file is invalid.</exception>
    public static HoconData LoadText(string text, string sourceName, string baseDirectory) =>
        Load(HoconDocumentReader.ReadText(text, sourceName, baseDirectory));

    private static HoconData Load(HoconObject root) =>
        HoconFlattener.Flatten(HoconResolver.Resolve(root, Environment.GetEnvironmentVariable));
}
