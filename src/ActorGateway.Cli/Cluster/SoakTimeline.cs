using System.Diagnostics;

namespace ActorGateway.Cli.Cluster;

/// <summary>What the soak did when, in seconds from its start: told to the user as it happens and kept for the report.</summary>
internal sealed class SoakTimeline(Action<string> progress)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private readonly List<(double At, string What)> _events = [];

    public double Now => Math.Round(Stopwatch.GetElapsedTime(_started).TotalSeconds, 2);

    public IReadOnlyList<(double At, string What)> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void Mark(string what)
    {
        var at = Now;
        lock (_gate)
        {
            _events.Add((at, what));
        }

        progress($"[{at,6:0.0} s] {what}");
    }
}
