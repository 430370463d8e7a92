using System.Collections.Immutable;
using ActorGateway.Protocol.Messages;
using ActorGateway.Simulator.Sessions;

namespace ActorGateway.Simulator;

/// <summary>
/// Run-time fault injection for one server: what tests (and the command line, through <see cref="FaultOptions"/>) use
/// to make the exchange misbehave. Thread-safe; every method takes effect for messages handled after it returns.
/// </summary>
public sealed class SimulatorFaults
{
    private readonly SimulatorContext _context;
    private readonly Lock _gate = new();
    private readonly Random _random;
    private ImmutableHashSet<uint> _neverAnswer;
    private (int Messages, int Generation) _dropAfter;
    private double _dropRate;
    private long _replyDelayTicks;
    private DateTimeOffset? _maintenanceUntil;

    internal SimulatorFaults(SimulatorContext context)
    {
        _context = context;
        var options = context.Options.Faults;
        _random = new Random(context.Options.Seed);
        _neverAnswer = [.. options.NeverAnswer];
        _dropAfter = (options.DropAfterMessages, 0);
        _dropRate = options.DropRate;
        _replyDelayTicks = options.ReplyDelay.Ticks;
        _maintenanceUntil = options.MaintenanceUntil;
    }

    internal SimulatorServer? Server { get; set; }

    internal (int Messages, int Generation) DropAfterSetting
    {
        get
        {
            lock (_gate)
            {
                return _dropAfter;
            }
        }
    }

    internal TimeSpan ReplyDelay => TimeSpan.FromTicks(Interlocked.Read(ref _replyDelayTicks));

    internal DateTimeOffset? MaintenanceUntil
    {
        get
        {
            lock (_gate)
            {
                return _maintenanceUntil;
            }
        }
    }

    /// <summary>Closes every open connection now, without a message (a network cut as the client sees it).</summary>
    public void DropAllConnections() => _context.Connections.PostToAll(new ConnectionCommand.Drop("fault: drop all"));

    /// <summary>
    /// Closes each connection when its <paramref name="messages"/>th message from now arrives (that message unanswered);
    /// connections opened later count from their start. Zero turns it off.
    /// </summary>
    public void DropAfter(int messages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(messages);
        lock (_gate)
        {
            _dropAfter = (messages, _dropAfter.Generation + 1);
        }
    }

    /// <summary>Closes a connection on any inbound message with probability <paramref name="rate"/>, drawn from the seeded
    /// generator.</summary>
    public void DropAtRandom(double rate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        lock (_gate)
        {
            _dropRate = rate;
        }
    }

    /// <summary>Holds back every frame the server sends by <paramref name="delay"/> (order kept); zero turns it off.</summary>
    public void DelayReplies(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Interlocked.Exchange(ref _replyDelayTicks, delay.Ticks);
    }

    /// <summary>Swallows every request of <paramref name="payloadType"/> without a reply.</summary>
    public void NeverAnswer(uint payloadType) => ImmutableInterlocked.Update(ref _neverAnswer, static (s, t) => s.Add(t), payloadType);

    /// <summary>Answers <paramref name="payloadType"/> again.</summary>
    public void AnswerAgain(uint payloadType) => ImmutableInterlocked.Update(ref _neverAnswer, static (s, t) => s.Remove(t), payloadType);

    /// <summary>Sends ProtoOAClientDisconnectEvent with <paramref name="reason"/> on every connection, then closes them.</summary>
    public void SendClientDisconnect(string reason) =>
        _context.Connections.PostToAll(new ConnectionCommand.SendAndClose(new ProtoOAClientDisconnectEvent { Reason = reason },
            "fault: client disconnect"));

    /// <summary>
    /// Revokes an access token: sessions authorized with it get ProtoOAAccountsTokenInvalidatedEvent and end; the token
    /// no longer authorizes anything.
    /// </summary>
    public void InvalidateToken(string accessToken, string reason = "Access token revoked") =>
        _context.Exchange.Post(new Exchange.ExchangeCommand.InvalidateToken(accessToken, reason));

    /// <summary>
    /// Ends an account's sessions server-side: every connection where it is authorized gets
    /// ProtoOAAccountDisconnectEvent and must authorize it again.
    /// </summary>
    public void DisconnectAccount(long accountId) => _context.Exchange.Post(new Exchange.ExchangeCommand.DisconnectAccount(accountId));

    /// <summary>Answers every request with SERVER_IS_UNDER_MAINTENANCE (and its end time) until <paramref name="until"/>.</summary>
    public void StartMaintenance(DateTimeOffset until)
    {
        lock (_gate)
        {
            _maintenanceUntil = until;
        }
    }

    /// <summary>Ends maintenance now.</summary>
    public void EndMaintenance()
    {
        lock (_gate)
        {
            _maintenanceUntil = null;
        }
    }

    /// <summary>Stops accepting connections and drops the open ones, as a server going down; the port is kept for a restart.</summary>
    public Task StopListenerAsync() => (Server ?? throw new InvalidOperationException("The server has not started.")).StopListeningAsync();

    /// <summary>Listens again on the same port.</summary>
    public Task StartListenerAsync()
        => (Server ?? throw new InvalidOperationException("The server has not started.")).StartListeningAsync();

    internal bool IsNeverAnswered(uint payloadType) => _neverAnswer.Contains(payloadType);

    internal bool DrawRandomDrop()
    {
        lock (_gate)
        {
            return _dropRate > 0 && _random.NextDouble() < _dropRate;
        }
    }
}
