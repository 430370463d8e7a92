using System.CommandLine;
using System.Globalization;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// Range checks for whole-number options that read the typed text itself: a value that is not a number at all is left
/// to the parser's own one-line error instead of making the check throw.
/// </summary>
internal static class OptionRules
{
    public static void InRange(Option option, int least, int most, string error) =>
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1
                && int.TryParse(result.Tokens[0].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                && (value < least || value > most))
            {
                result.AddError(error);
            }
        });

    public static void AtLeast(Option option, int least) => InRange(option, least, int.MaxValue, $"{option.Name} must be at least {least}.");

    /// <summary>One of <paramref name="words"/>, said on one line (the parser's own message lists them on several).</summary>
    public static void OneOf(Option<string> option, IReadOnlyList<string> words) =>
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && !words.Contains(result.Tokens[0].Value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"{option.Name} takes {string.Join(", ", words.SkipLast(1))} or {words[^1]}, not '{result.Tokens[0].Value}'.");
            }
        });
}
