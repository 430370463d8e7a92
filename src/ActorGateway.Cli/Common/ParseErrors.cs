using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace ActorGateway.Cli.Common;

/// <summary>
/// Command-line mistakes as one line each, in the user's words: which option or argument, what was typed, what it
/// takes, and where the help is. Never the parser's CLR type names and never the whole help.
/// </summary>
internal static partial class ParseErrors
{
    /// <summary>The line for the first error of <paramref name="result"/>.</summary>
    public static string Describe(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var error = result.Errors[0];
        var command = result.CommandResult.Command;
        var help = $" (see '{CommandPath(command)} --help')";
        if (error.SymbolResult is CommandResult { Command: { Subcommands.Count: > 0 } parent } && IsMissingCommand(result, parent))
        {
            return $"{CommandPath(parent)} needs one of: {string.Join(", ", parent.Subcommands.Select(c => c.Name))}{help}";
        }

        return Reword(error.Message, error.SymbolResult is ArgumentResult { Argument.Name: var name } ? name : null) + help;
    }

    /// <summary>Rewrites the parser's "as expected type 'System.Nullable`1[System.Int32]'" into what the value must be.</summary>
    /// <param name="message">The parser's message.</param>
    /// <param name="argument">The argument's name when an argument failed (the parser's message names its command).</param>
    internal static string Reword(string message, string? argument)
    {
        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var type = match.Groups["type"].Value;
        var wanted = type.Contains("Int", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Decimal", StringComparison.Ordinal) || type.Contains("Double", StringComparison.Ordinal) ? "a number"
            : "a valid value";
        return $"{argument ?? match.Groups["name"].Value} takes {wanted}, not '{match.Groups["value"].Value}'.";
    }

    private static bool IsMissingCommand(ParseResult result, Command parent) =>
        result.CommandResult.Command == parent && parent.Action is null;

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
        {
            names.Add(c is RootCommand ? CliRoot.Name : c.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|argument|command) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?$")]
    private static partial Regex CannotParse();
}
