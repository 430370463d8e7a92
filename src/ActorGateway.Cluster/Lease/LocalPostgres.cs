using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ActorGateway.Cluster.Lease;

/// <summary>
/// A throwaway PostgreSQL server for development, the tests and the cluster soak: Debian's binaries (under
/// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>), a fresh data directory in the temp folder, a free port on 127.0.0.1
/// only, trust authentication on loopback, no durability (fsync off). <see cref="DisposeAsync"/> stops it and deletes the
/// directory. The server refuses to run as root, so when this process is root it runs as the <c>postgres</c> user.
/// Not for production: use a real server and <see cref="AccountLeaseOptions.ConnectionString"/> there.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);
    private readonly string _bin;
    private bool _stopped;

    private LocalPostgres(string bin, string directory, int port)
    {
        _bin = bin;
        Directory = directory;
        Port = port;
    }

    /// <summary>The folder holding the data directory, the socket and the server log (<c>log</c>).</summary>
    public string Directory { get; }

    /// <summary>The port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A connection string for the superuser <c>postgres</c> to the <c>postgres</c> database (no password: trust on loopback).</summary>
    public string ConnectionString => ConnectionStringFor(ServiceUser);

    /// <summary>A connection string for <paramref name="user"/> (a role that must exist) to the <c>postgres</c> database.</summary>
    public string ConnectionStringFor(string user) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username={user};Database=postgres");

    /// <summary>
    /// The newest PostgreSQL server's bin folder under <c>/usr/lib/postgresql</c>, or null when none is installed
    /// (<c>apt-get install -y postgresql</c>; the repository's <c>.ci/install</c> does it).
    /// </summary>
    public static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!System.IO.Directory.Exists(root))
        {
            return null;
        }

        return System.IO.Directory.GetDirectories(root)
            .Select(dir => (Version: double.TryParse(Path.GetFileName(dir), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0,
                Bin: Path.Combine(dir, "bin")))
            .Where(c => File.Exists(Path.Combine(c.Bin, "initdb")) && File.Exists(Path.Combine(c.Bin, "pg_ctl")))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Bin)
            .FirstOrDefault();
    }

    /// <summary>Creates a data directory and starts a server on a free port; returns once it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">No PostgreSQL server is installed, or it did not start (the message says
    /// why and quotes the end of the server's log).</exception>
    public static async Task<LocalPostgres> StartAsync(CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "No PostgreSQL server found under /usr/lib/postgresql/*/bin: install Debian's postgresql package " +
            "(apt-get install -y postgresql, which the repository's .ci/install runs).");
        var directory = Path.Combine(Path.GetTempPath(), "actorgateway-pg-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", [ServiceUser, directory], asServiceUser: false, cancellationToken).ConfigureAwait(false);
            }

            var data = Path.Combine(directory, "data");
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", ServiceUser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
                Environment.IsPrivilegedProcess, cancellationToken).ConfigureAwait(false);
            // A port found free can be taken before the server binds it: try a few.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                try
                {
                    await RunAsync(Path.Combine(bin, "pg_ctl"),
                        ["-D", data, "-l", Path.Combine(directory, "log"), "-w", "-t", "60", "-o",
                            $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"],
                        Environment.IsPrivilegedProcess, cancellationToken).ConfigureAwait(false);
                    return new LocalPostgres(bin, directory, port);
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var log = Path.Combine(directory, "log");
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(10)) : "(no server log)";
            TryDelete(directory);
            throw new InvalidOperationException($"PostgreSQL did not start: {e.Message}\nServer log:\n{tail}", e);
        }
    }

    /// <summary>Stops the server (fast shutdown: open connections are ended) and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(Directory, "data"), "-m", "fast", "-w", "-t", "30", "stop"],
                Environment.IsPrivilegedProcess, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(Directory);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asServiceUser, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asServiceUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user cannot enter root's or a worktree's folders: run from one it can.
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asServiceUser)
        {
            foreach (var a in (string[])["-u", ServiceUser, "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(StepTimeout);
        try
        {
            await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish within {StepTimeout.TotalSeconds:0} s.");
        }

        if (process.ExitCode != 0)
        {
            var text = (await errors.ConfigureAwait(false)).Trim();
            text = text.Length > 0 ? text : (await output.ConfigureAwait(false)).Trim();
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {text}");
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
