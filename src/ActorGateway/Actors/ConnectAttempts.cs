using ActorGateway.Transport;
using Akka.Actor;

namespace ActorGateway.Actors;

/// <summary>
/// The connection actor's bookkeeping of connect attempts: the current attempt's number (outcomes of an abandoned one
/// are recognised by theirs), its cancellation, and why the last one failed (so requests timing out meanwhile say why).
/// </summary>
internal sealed class ConnectAttempts(GatewayWiring wiring) : IDisposable
{
    private CancellationTokenSource? _cancel;

    /// <summary>The number of the latest attempt; connections and the requests bound to them carry it.</summary>
    public int Current { get; private set; }

    /// <summary>Why the last attempt failed, until a connection opens.</summary>
    public GatewayConnectionException? LastFailure { get; set; }

    /// <summary>Starts an attempt off the actor's turn; its outcome is told to <paramref name="actor"/> with the number returned.</summary>
    public int Start(GatewayEndpoint endpoint, IActorRef actor)
    {
        var attempt = Current = wiring.NextAttempt();
        _cancel?.Dispose();
        _cancel = new CancellationTokenSource();
        var settings = wiring.Settings;
        ConnectionAttempt.Start(settings.TransportFactory, endpoint, attempt, settings.ConnectTimeout, actor, _cancel.Token);
        return attempt;
    }

    /// <summary>Abandons the attempt under way: it reports a timeout, or closes what it opened if it is too late for that.</summary>
    public void Cancel() => _cancel?.Cancel();

    /// <summary>Abandons the attempt under way for good (the actor stops or restarts).</summary>
    public void Dispose()
    {
        _cancel?.Cancel();
        _cancel?.Dispose();
        _cancel = null;
    }
}
