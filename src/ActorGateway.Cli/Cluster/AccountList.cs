using System.Globalization;
using ActorGateway.Cli.Common;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// Account lists on the command line: ctidTraderAccountIds separated by commas, where FIRST-LAST stands for a range, so a
/// node of a hundred accounts takes <c>1-100</c> rather than a hundred numbers.
/// </summary>
internal static class AccountList
{
    /// <summary>More than any node of this project runs; a typo like <c>1-1000000000</c> must not allocate for ever.</summary>
    public const int Most = 100_000;

    /// <exception cref="CliException">An entry is not a positive id or a range of them, or the list is too long.</exception>
    public static IReadOnlyList<long> Parse(string text)
    {
        var accounts = new List<long>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = entry.IndexOf('-', 1);
            var (first, last) = dash < 0 ? (Id(entry, entry), Id(entry, entry)) : (Id(entry[..dash], entry), Id(entry[(dash + 1)..], entry));
            if (last < first || last - first >= Most || accounts.Count + (last - first + 1) > Most)
            {
                throw new CliException($"--accounts: '{entry}' is not a range FIRST-LAST of at most {Most:N0} accounts in all.");
            }

            for (var id = first; id <= last; id++)
            {
                accounts.Add(id);
            }
        }

        if (accounts.Count == 0)
        {
            throw new CliException("--accounts takes ctidTraderAccountIds separated by commas, e.g. 3001,3002 or 1-100.");
        }

        return [.. accounts.Distinct()];
    }

    /// <summary>The shortest form <see cref="Parse"/> reads back: runs of consecutive ids as ranges.</summary>
    public static string Format(IReadOnlyList<long> accounts)
    {
        var parts = new List<string>();
        var sorted = accounts.Order().ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? Text(sorted[i]) : $"{Text(sorted[i])}-{Text(sorted[j])}");
            i = j + 1;
        }

        return string.Join(',', parts);
    }

    private static long Id(string text, string entry) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new CliException($"--accounts: '{entry}' is not a ctidTraderAccountId (a positive number) or a range FIRST-LAST.");

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
