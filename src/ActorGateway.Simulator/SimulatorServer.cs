using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using ActorGateway.Simulator.Admission;
using ActorGateway.Simulator.Hosting;
using ActorGateway.Simulator.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorGateway.Simulator;

/// <summary>
/// An exchange that speaks the cTrader Open API over TCP or TLS: sessions and auth, reference data, a seeded market,
/// a trading book, server rules and fault injection. Host it in-process (port 0 for tests) or run the executable.
/// </summary>
public sealed partial class SimulatorServer : IAsyncDisposable
{
    private readonly SimulatorContext _context;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _gate = new();
    private readonly List<Task> _connectionTasks = [];
    private TlsAcceptor? _tls;
    private TcpListener? _listener;
    private CancellationTokenSource? _accepting;
    private Task _acceptLoop = Task.CompletedTask;
    private Task _exchangeLoop = Task.CompletedTask;
    private long _nextConnectionId;
    private int _admitted;
    private int _refused;
    private bool _refusing;

    /// <summary>Creates a server; nothing listens until <see cref="StartAsync"/>.</summary>
    /// <param name="options">The configuration; read at start.</param>
    /// <param name="timeProvider">The clock for every timer and timestamp (default <see cref="TimeProvider.System"/>).</param>
    /// <param name="loggerFactory">Where logs go (default none).</param>
    public SimulatorServer(SimulatorOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        _context = new SimulatorContext(options, timeProvider ?? TimeProvider.System, factory);
        _context.Faults.Server = this;
        _logger = factory.CreateLogger<SimulatorServer>();
    }

    /// <summary>Fault injection for this server.</summary>
    public SimulatorFaults Faults => _context.Faults;

    /// <summary>The address and port listened on; the port is the real one when 0 was asked for (port 0 before start).</summary>
    public IPEndPoint EndPoint { get; private set; } = new(IPAddress.None, 0);

    /// <summary>True when connections are wrapped in TLS.</summary>
    public bool UsesTls => _context.Options.UseTls;

    /// <summary>The certificate presented to TLS clients (null over plain TCP); clients that validate must trust it.</summary>
    public X509Certificate2? Certificate { get; private set; }

    /// <summary>The number of connections open now.</summary>
    public int ConnectionCount => _context.Connections.Count;

    /// <summary>Connections reset on arrival because <see cref="SimulatorOptions.MaxConnections"/> were open.</summary>
    public int RefusedConnections => Volatile.Read(ref _refused);

    /// <summary>Connections reset because <see cref="SimulatorOptions.MaxQueuedHandshakes"/> TLS handshakes were waiting.</summary>
    public int RefusedHandshakes => _tls?.Refused ?? 0;

    /// <summary>How many connections are waiting to start, shaking hands, and queued for a handshake slot now.</summary>
    public HandshakeCounts Handshakes => _tls?.Gate.Counts ?? default;

    /// <summary>
    /// Bytes the connections' inbound pipes hold now (pooled buffers rented and not yet returned): what clients make the
    /// server hold, partial frames included. Back to zero once every connection has closed.
    /// </summary>
    public long InboundBufferBytes => _context.InboundPool.RentedBytes;

    /// <summary>The most <see cref="InboundBufferBytes"/> has been since the server started.</summary>
    public long PeakInboundBufferBytes => _context.InboundPool.PeakRentedBytes;

    /// <summary>
    /// Bytes of incomplete frames reserved against <see cref="SimulatorOptions.MaxBufferedFrameBytes"/> now (what
    /// connections hold beyond their free 16 KiB each).
    /// </summary>
    public long ReservedFrameBytes => _context.FrameBudget.Used;

    /// <summary>Completes once at most <paramref name="count"/> connections are open, each closed one with its buffers returned.</summary>
    public Task WaitForConnectionCountAsync(int count, CancellationToken cancellationToken = default) =>
        _context.Connections.WhenAtMostAsync(count, cancellationToken);

    /// <summary>Completes once each handshake stage holds at least the count <paramref name="wanted"/> gives it.</summary>
    public Task WaitForHandshakesAsync(HandshakeCounts wanted, CancellationToken cancellationToken = default) =>
        _tls?.Gate.WaitForAsync(wanted, cancellationToken) ?? Task.CompletedTask;

    /// <summary>The one line printed when ready: <c>listening on HOST:PORT (tls|tcp)</c>.</summary>
    public string ListeningLine => $"listening on {_context.Options.Host}:{EndPoint.Port} ({(UsesTls ? "tls" : "tcp")})";

    /// <summary>Binds the port, starts the market and begins accepting connections.</summary>
    /// <exception cref="SocketException">The address or port cannot be bound.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (UsesTls)
        {
            Certificate = _context.Options.CertificatePath is { } path
                ? ServerCertificate.Load(path, _context.Options.CertificatePassword)
                : ServerCertificate.CreateSelfSigned(_context.Time);
            _tls = new TlsAcceptor(Certificate, _context.Options, _context.Time, _context.LoggerFactory.CreateLogger<TlsAcceptor>());
        }

        _exchangeLoop = _context.Exchange.RunAsync(_shutdown.Token);
        var address = IPAddress.Parse(_context.Options.Host);
        await StartListeningAsync(new IPEndPoint(address, _context.Options.Port)).ConfigureAwait(false);
        Log.Listening(_logger, ListeningLine);
    }

    /// <summary>Stops listening, closes every connection and stops the market.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopListeningAsync().ConfigureAwait(false);
        await _shutdown.CancelAsync().ConfigureAwait(false);
        await _exchangeLoop.ConfigureAwait(false);
        _accepting?.Dispose();
        _shutdown.Dispose();
        Certificate?.Dispose();
    }

    internal Task StartListeningAsync() => StartListeningAsync(EndPoint);

    internal async Task StopListeningAsync()
    {
        Task[] open;
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
            _accepting?.Cancel();
            open = [.. _connectionTasks];
        }

        await _acceptLoop.ConfigureAwait(false);
        _context.Connections.PostToAll(new ConnectionCommand.Drop("listener stopped"));
        await Task.WhenAll(open).ConfigureAwait(false);
    }

    private Task StartListeningAsync(IPEndPoint endPoint)
    {
        lock (_gate)
        {
            if (_listener is not null)
            {
                return Task.CompletedTask;
            }

            var listener = new TcpListener(endPoint);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _listener = listener;
            EndPoint = (IPEndPoint)listener.LocalEndpoint;
            _accepting?.Dispose();
            _accepting = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
            _acceptLoop = AcceptLoopAsync(listener, _accepting.Token);
        }

        return Task.CompletedTask;
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (!Admit(socket))
            {
                continue;
            }

            socket.NoDelay = true;
            var id = Interlocked.Increment(ref _nextConnectionId);
            lock (_gate)
            {
                _connectionTasks.RemoveAll(t => t.IsCompleted);
                _connectionTasks.Add(ServeAsync(id, socket, _shutdown.Token));
            }
        }
    }

    // Counts the connection in, or resets it when the server is full. Reset rather than a polite close: the client learns
    // at once, and the server keeps no socket lingering in TIME_WAIT for a connection it never served.
    private bool Admit(Socket socket)
    {
        if (Interlocked.Increment(ref _admitted) <= _context.Options.MaxConnections)
        {
            _refusing = false;
            return true;
        }

        Interlocked.Decrement(ref _admitted);
        Interlocked.Increment(ref _refused);
        if (!_refusing)
        {
            // Once per spell of refusals, not per connection: a storm must not flood the log as well.
            _refusing = true;
            Log.ConnectionLimitReached(_logger, _context.Options.MaxConnections);
        }

        socket.LingerState = new LingerOption(true, 0);
        socket.Dispose();
        return false;
    }

    private async Task ServeAsync(long id, Socket socket, CancellationToken cancellationToken)
    {
        try
        {
            await ServeAdmittedAsync(id, socket, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _admitted);
        }
    }

    private async Task ServeAdmittedAsync(long id, Socket socket, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Stream stream;
        if (_tls is { } tls)
        {
            if (await tls.AcceptAsync(id, socket, cancellationToken).ConfigureAwait(false) is not { } secured)
            {
                return;
            }

            stream = secured;
        }
        else
        {
            stream = new NetworkStream(socket, ownsSocket: true);
        }

        var connection = new Connection(id, stream, _context);
        _context.Connections.Add(connection);
        Log.Accepted(_logger, id, socket.RemoteEndPoint);
        try
        {
            await connection.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _context.Connections.Remove(connection);
            Log.Closed(_logger, id);
        }
    }
}
