using System.Collections.Concurrent;
using System.Diagnostics;
using ActorGateway.TestKit;

namespace ActorGateway.Simulator.Tests.Support;

/// <summary>
/// A storm run by <see cref="StormProgram"/> in a child process: its TLS handshakes and tasks use that process's thread
/// pool, not the server's. Bounded by the storm's own deadline; killed, with anything it started, when disposed.
/// </summary>
internal sealed class StormProcess : IStorm
{
    private readonly Process _process;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<StormReport> _report = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _failures = new(); // written by the output and the error readers

    private StormProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Completes once the child has begun its storm (its start-up, JIT included, is over).</summary>
    public Task Started => _started.Task;

    /// <summary>The child's report, once it has finished.</summary>
    public Task<StormReport> Report => _report.Task;

    public static StormProcess Start(StormTarget target, int count, int concurrency)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["exec", typeof(StormProgram).Assembly.Location, "storm", .. target.ToArguments(),
            count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        var storm = new StormProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        storm._process.OutputDataReceived += (_, e) => storm.OnLine(e.Data);
        storm._process.ErrorDataReceived += (_, e) => storm.OnError(e.Data);
        storm._process.Start();
        storm._process.BeginOutputReadLine();
        storm._process.BeginErrorReadLine();
        return storm;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().OrTimeout();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            // End of output: a child that died before reporting must not leave the test waiting.
            _started.TrySetException(new InvalidOperationException("The storm process ended before it started."));
            _report.TrySetException(new InvalidOperationException("The storm process ended without a report."));
        }
        else if (line == StormProgram.StartedLine)
        {
            _started.TrySetResult();
        }
        else if (line.StartsWith(StormProgram.FailurePrefix, StringComparison.Ordinal))
        {
            _failures.Enqueue(line[StormProgram.FailurePrefix.Length..]);
        }
        else if (StormReport.TryParse(line) is { } report)
        {
            _report.TrySetResult(report with { FailureSamples = [.. _failures] });
        }
    }

    private void OnError(string? line)
    {
        if (line is { Length: > 0 })
        {
            _failures.Enqueue("stderr: " + line);
        }
    }
}
