using Akka.Actor;
using Akka.Coordination;
using Akka.Event;

namespace ActorGateway.Cluster.Lease;

/// <summary>
/// An Akka.Coordination lease in PostgreSQL (see <see cref="AccountLeaseOptions"/>), one per account shard. Sharding
/// acquires it before the shard starts and releases it when the shard stops; the account entity asks
/// <see cref="CheckLease"/> right before it sends an order.
/// </summary>
/// <remarks>
/// Validity is judged locally, without a database call: the lease counts as held until the start of its last successful
/// renewal plus the TTL minus the safety margin, measured on the monotonic clock of
/// <see cref="AccountLeaseOptions.TimeProvider"/>. The database's row outlives that by at least the margin, so by the time
/// another node can take the row this one has already stopped trusting it, even if it was frozen in between. A renewal
/// that finds the row taken, or that keeps failing until that local deadline, ends the lease and calls the lease-lost
/// callback (sharding then stops the shard and its entities).
/// </remarks>
public sealed class PostgresLease : Akka.Coordination.Lease, IDisposable
{
    private readonly PostgresLeaseStore _store;
    private readonly TimeProvider _clock;
    private readonly ILoggingAdapter _log;
    private readonly TimeSpan _trustedFor;
    private readonly Lock _gate = new();
    private bool _held;
    private long _renewedAt;
    private long _generation;
    private Action<Exception>? _onLost;
    private CancellationTokenSource? _renewals;

    /// <summary>Created by Akka's <see cref="LeaseProvider"/> from the lease block the account cluster's hosting writes.</summary>
    /// <exception cref="InvalidOperationException">The system was not set up with an account lease.</exception>
    public PostgresLease(LeaseSettings settings, ExtendedActorSystem system)
        : this(settings, AccountLeaseStores.Get(system).Store, Logging.GetLogger(system, typeof(PostgresLease)))
    {
    }

    internal PostgresLease(LeaseSettings settings, PostgresLeaseStore store, ILoggingAdapter log)
        : base(settings)
    {
        _store = store;
        _log = log;
        _clock = store.Options.TimeProvider;
        _trustedFor = store.Options.TimeToLive - store.Options.SafetyMargin;
    }

    /// <inheritdoc />
    public override Task<bool> Acquire() => Acquire(static _ => { });

    /// <inheritdoc />
    /// <remarks>Fails with <see cref="LeaseException"/> when the database could not be asked in time: the lease may or may
    /// not have been taken, and sharding asks again.</remarks>
    public override async Task<bool> Acquire(Action<Exception> leaseLostCallback)
    {
        ArgumentNullException.ThrowIfNull(leaseLostCallback);
        var start = _clock.GetTimestamp();
        bool acquired;
        try
        {
            acquired = await _store.TryAcquireAsync(Settings.LeaseName, Settings.OwnerName).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new LeaseException($"Lease {Settings.LeaseName} could not be acquired: {Describe(e)}");
        }

        if (!acquired)
        {
            return false;
        }

        lock (_gate)
        {
            _renewedAt = start;
            _onLost = leaseLostCallback;
            if (!_held)
            {
                _held = true;
                _renewals = new CancellationTokenSource();
                _ = RenewAsync(++_generation, _renewals.Token);
            }
        }

        _log.Debug("Lease {0} acquired by {1}", Settings.LeaseName, Settings.OwnerName);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>Only this owner's row is touched. Bounded by the operation timeout; false (never an exception) when the
    /// database could not be reached, since the shard waits on this while it stops: the row then expires by itself.</remarks>
    public override async Task<bool> Release()
    {
        lock (_gate)
        {
            EndLocked();
        }

        try
        {
            return await _store.TryReleaseAsync(Settings.LeaseName, Settings.OwnerName).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log.Warning("Lease {0} could not be released ({1}); it expires by itself within its TTL", Settings.LeaseName, Describe(e));
            return false;
        }
    }

    /// <inheritdoc />
    /// <remarks>No database call: true while the last successful renewal started less than TTL minus the margin ago.</remarks>
    public override bool CheckLease()
    {
        lock (_gate)
        {
            return _held && _clock.GetElapsedTime(_renewedAt) < _trustedFor;
        }
    }

    /// <summary>Stops renewing without a database call (the row then expires by itself); <see cref="CheckLease"/> turns false.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            EndLocked();
        }
    }

    private async Task RenewAsync(long generation, CancellationToken stop)
    {
        var interval = _store.Options.RenewInterval;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _clock, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var start = _clock.GetTimestamp();
            Exception? failure = null;
            var renewed = false;
            try
            {
                renewed = await _store.TryRenewAsync(Settings.LeaseName, Settings.OwnerName, stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = e;
            }

            if (!AfterRenewal(generation, start, renewed, failure))
            {
                return;
            }
        }
    }

    // Applies a renewal's result; false once the lease is over (released, re-acquired, or lost now).
    private bool AfterRenewal(long generation, long start, bool renewed, Exception? failure)
    {
        Action<Exception>? onLost;
        Exception reason;
        lock (_gate)
        {
            if (generation != _generation || !_held)
            {
                return false;
            }

            if (renewed)
            {
                _renewedAt = start;
                return true;
            }

            if (failure is not null && _clock.GetElapsedTime(_renewedAt) < _trustedFor)
            {
                _log.Warning("Lease {0} could not be renewed ({1}); trying again, it stays valid for {2:0.0} s more",
                    Settings.LeaseName, Describe(failure), (_trustedFor - _clock.GetElapsedTime(_renewedAt)).TotalSeconds);
                return true;
            }

            reason = failure is null
                ? new LeaseException($"Lease {Settings.LeaseName} is held by another owner now.")
                : new LeaseTimeoutException($"Lease {Settings.LeaseName} could not be renewed before it lapsed: {Describe(failure)}");
            onLost = _onLost;
            EndLocked();
        }

        _log.Warning("Lease {0} lost by {1}: {2}", Settings.LeaseName, Settings.OwnerName, reason.Message);
        onLost?.Invoke(reason);
        return false;
    }

    private void EndLocked()
    {
        _held = false;
        _generation++;
        _onLost = null;
        // The loop ends on the cancellation (or its generation check) and the source is not reused.
        _renewals?.Cancel();
        _renewals?.Dispose();
        _renewals = null;
    }

    // The type and the database's own words: Npgsql's messages name host and port, never the connection string.
    private static string Describe(Exception e) => e is OperationCanceledException
        ? "no answer within the operation timeout"
        : $"{e.GetType().Name}: {e.Message}";
}
