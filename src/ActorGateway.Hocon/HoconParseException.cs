namespace ActorGateway.Hocon;

/// <summary>
/// A HOCON document that cannot be read: bad syntax, a substitution that cannot be resolved or forms a cycle, values of
/// different kinds concatenated, or a required include that is missing. The message starts with
/// <c>file:line:column:</c>. Messages name keys and paths, never values, so a secret taken from the environment cannot
/// leak through an exception.
/// </summary>
public sealed class HoconParseException : FormatException
{
    /// <summary>Creates the exception for a problem at a place in a file.</summary>
    /// <param name="file">The file (or source name) where the problem is.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    /// <param name="reason">What is wrong, without the location.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public HoconParseException(string file, int line, int column, string reason, Exception? innerException = null)
        : base($"{file}:{line}:{column}: {reason}", innerException)
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file (or, for text added with <c>AddHoconString</c>, the source name) where the problem is.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem (tabs count as one column).</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
