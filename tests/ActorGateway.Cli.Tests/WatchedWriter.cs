using System.Text;

namespace ActorGateway.Cli.Tests;

/// <summary>A text writer that signals the first time its text contains a given string: a way to await console output.</summary>
internal sealed class WatchedWriter(string awaited) : StringWriter
{
    private readonly TaskCompletionSource<string> _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();

    /// <summary>Completes with the text so far once it contains the awaited string.</summary>
    public Task<string> Seen => _seen.Task;

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
        }

        Check();
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
        }

        Check();
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }

    private void Check()
    {
        var text = ToString();
        if (text.Contains(awaited, StringComparison.Ordinal))
        {
            _seen.TrySetResult(text);
        }
    }

    public override Encoding Encoding => Encoding.UTF8;
}
