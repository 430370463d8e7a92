using ActorGateway.Hocon.Tree;

namespace ActorGateway.Hocon.Syntax;

/// <summary>
/// Reads a document and the files it includes into one tree. An included file's fields merge into the object holding
/// the include, exactly where the include stands. A file that includes itself, directly or not, is an error.
/// </summary>
internal sealed class HoconDocumentReader
{
    // Deep enough for any real layering of configuration files, shallow enough to stop a runaway before the stack does.
    private const int MaxIncludeDepth = 32;

    private readonly List<string> _openFiles = [];

    private HoconDocumentReader()
    {
    }

    /// <summary>Parses the file at <paramref name="fullPath"/> (which must exist) and everything it includes.</summary>
    public static HoconObject ReadFile(string fullPath)
    {
        var reader = new HoconDocumentReader();
        var root = new HoconObject(new HoconPosition(fullPath, 1, 1));
        reader._openFiles.Add(fullPath);
        reader.Parse(File.ReadAllText(fullPath), fullPath, Path.GetDirectoryName(fullPath) ?? string.Empty, root, []);
        return root;
    }

    /// <summary>Parses <paramref name="text"/>; its includes are relative to <paramref name="baseDirectory"/>.</summary>
    public static HoconObject ReadText(string text, string sourceName, string baseDirectory)
    {
        var reader = new HoconDocumentReader();
        var root = new HoconObject(new HoconPosition(sourceName, 1, 1));
        reader.Parse(text, sourceName, baseDirectory, root, []);
        return root;
    }

    /// <summary>Parses an included file into <paramref name="target"/>; a missing file is skipped unless required.</summary>
    public void Include(HoconInclude include, HoconObject target, IReadOnlyList<string> prefix)
    {
        var fullPath = Locate(include);
        if (fullPath is null)
        {
            if (include.Required)
            {
                throw include.Position.Error($"required include \"{include.Name}\" not found in '{include.Directory}'");
            }

            return;
        }

        if (_openFiles.Contains(fullPath, StringComparer.Ordinal))
        {
            throw include.Position.Error($"include cycle: \"{include.Name}\" is already being read");
        }

        if (_openFiles.Count >= MaxIncludeDepth)
        {
            throw include.Position.Error($"includes nested more than {MaxIncludeDepth} deep");
        }

        _openFiles.Add(fullPath);
        Parse(File.ReadAllText(fullPath), fullPath, Path.GetDirectoryName(fullPath) ?? string.Empty, target, prefix);
        _openFiles.RemoveAt(_openFiles.Count - 1);
    }

    /// <summary>The file as named, or with <c>.conf</c> added when the name has no extension (as HOCON allows).</summary>
    private static string? Locate(HoconInclude include)
    {
        var fullPath = Path.GetFullPath(Path.Combine(include.Directory, include.Name));
        if (File.Exists(fullPath))
        {
            return fullPath;
        }

        return !Path.HasExtension(fullPath) && File.Exists(fullPath + ".conf") ? fullPath + ".conf" : null;
    }

    private void Parse(string text, string file, string directory, HoconObject target, IReadOnlyList<string> prefix) =>
        HoconParser.Parse(HoconTokenizer.Tokenize(text, file), target, prefix, this, directory);
}
