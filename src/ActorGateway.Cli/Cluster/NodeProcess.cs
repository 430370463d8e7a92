using System.Diagnostics;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// A <c>cluster node</c> child process the soak started: its output read line by line (the up line completes
/// <see cref="Up"/>, the last lines are kept for a failure's message), and the faults done to it: kill -9, SIGSTOP and
/// SIGCONT. Disposing kills it if it still runs, after a SIGCONT if it is frozen (a stopped process cannot be reaped
/// until then), and waits for it to be gone.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private const int TailLines = 40;
    private static readonly TimeSpan ReapBound = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<string> _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _frozen;
    private int _disposed;
    private StreamWriter? _log;

    private NodeProcess(string name, NodeSettings settings, Process process, StreamWriter? log)
    {
        Name = name;
        Settings = settings;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public NodeSettings Settings { get; }

    public int Pid { get; private set; }

    public bool Frozen => _frozen;

    /// <summary>Completes with the node's address once it printed its up line; fails if it exits first.</summary>
    public Task<string> Up => _up.Task;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines it wrote, for a message when it fails.</summary>
    public string Tail
    {
        get
        {
            lock (_gate)
            {
                return string.Join(Environment.NewLine, _tail);
            }
        }
    }

    /// <summary>Starts <c>cluster node</c> with <paramref name="settings"/>, with <paramref name="environment"/> added to this
    /// process's own (credentials travel there, not on the command line); every line it writes also goes to
    /// <paramref name="logPath"/> when given.</summary>
    public static NodeProcess Start(NodeLauncher launcher, string name, NodeSettings settings,
        IReadOnlyDictionary<string, string> environment, string? logPath = null)
    {
        var start = new ProcessStartInfo(launcher.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var arg in launcher.Prefix.Concat(settings.ToArguments()))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var log = logPath is null ? null : new StreamWriter(logPath, append: false) { AutoFlush = true };
        var node = new NodeProcess(name, settings, process, log);
        process.OutputDataReceived += (_, e) => node.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => node.OnLine(e.Data);
        process.Exited += (_, _) => node._up.TrySetException(new InvalidOperationException(
            $"{name} exited before it was up. Its last lines:{Environment.NewLine}{node.Tail}"));
        process.Start();
        node.Pid = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>kill -9: the node ends at once, without leaving the cluster.</summary>
    public void Kill()
    {
        _frozen = false;
        _process.Kill(entireProcessTree: true);
    }

    /// <summary>SIGSTOP: the node stays alive and goes silent.</summary>
    public void Freeze()
    {
        PosixSignals.Stop(Pid);
        _frozen = true;
    }

    /// <summary>SIGCONT: the node runs on from where it was frozen.</summary>
    public void Thaw()
    {
        PosixSignals.Continue(Pid);
        _frozen = false;
    }

    /// <summary>SIGTERM: the node leaves the cluster and ends.</summary>
    public void Terminate() => PosixSignals.Terminate(Pid);

    /// <summary>True if the process ended within <paramref name="bound"/>.</summary>
    public async Task<bool> ExitedWithinAsync(TimeSpan bound)
    {
        using var wait = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return _process.HasExited;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                if (_frozen)
                {
                    Thaw();
                }

                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It ended between the check and the signal: nothing left to stop.
        }

        await ExitedWithinAsync(ReapBound).ConfigureAwait(false);
        _process.Dispose();
        lock (_gate)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log?.WriteLine(line);
            _tail.Enqueue(line);
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }

        if (line.StartsWith(NodeRunner.UpLine, StringComparison.Ordinal))
        {
            var address = line[NodeRunner.UpLine.Length..].Split(' ', 2)[0];
            _up.TrySetResult(address);
        }
    }
}
