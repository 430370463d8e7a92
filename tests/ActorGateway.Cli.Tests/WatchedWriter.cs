using System.Text;
using System.Text.RegularExpressions;

namespace ActorGateway.Cli.Tests;

/// <summary>
/// A text writer whose text can be awaited: the first time it contains a string, or the next match of a pattern after
/// a given position. A way to follow console output without sleeping.
/// </summary>
internal sealed class WatchedWriter(string awaited = "") : StringWriter
{
    private readonly Lock _gate = new();
    private readonly List<(Regex Pattern, int From, TaskCompletionSource<Match> Seen)> _waiters = [];

    /// <summary>Completes with the text so far once it contains the string given at construction.</summary>
    public Task<string> Seen => WaitForAsync(new Regex(Regex.Escape(awaited)), 0).ContinueWith(_ => ToString(), TaskScheduler.Default);

    /// <summary>The first match of <paramref name="pattern"/> that starts at or after <paramref name="from"/>, now or when written.</summary>
    public Task<Match> WaitForAsync(Regex pattern, int from)
    {
        var seen = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((pattern, from, seen));
        }

        Check();
        return seen.Task;
    }

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value);

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }

    public override Encoding Encoding => Encoding.UTF8;

    private void Append(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
        }

        Check();
    }

    private void Check()
    {
        List<(TaskCompletionSource<Match>, Match)> matched = [];
        lock (_gate)
        {
            var text = base.ToString();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var (pattern, from, seen) = _waiters[i];
                if (from <= text.Length && pattern.Match(text, from) is { Success: true } match)
                {
                    matched.Add((seen, match));
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var (seen, match) in matched)
        {
            seen.TrySetResult(match);
        }
    }
}
