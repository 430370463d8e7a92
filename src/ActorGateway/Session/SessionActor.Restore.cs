using ActorGateway.Diagnostics;
using ActorGateway.Protocol.Messages;
using ActorGateway.Publishing;
using Google.Protobuf;

namespace ActorGateway.Session;

internal sealed partial class SessionActor
{
    /// <summary>
    /// Brings connection <paramref name="epoch"/> to where the last one was: application auth, then every account, then
    /// every subscription, then a reconcile per account (published, so subscribers learn what changed during the gap),
    /// and only then opens the core's gate to queued requests.
    /// </summary>
    private async Task RestoreAsync(int epoch)
    {
        _phase = Phase.Starting;
        var started = _time.GetTimestamp();
        _log.SessionRestoring(epoch, _accounts.Count, _book.Count);
        try
        {
            await AuthenticateApplicationAsync().ConfigureAwait(false);
            foreach (var (accountId, entry) in _accounts.Where(a => a.Value.Error is null).ToList())
            {
                ThrowIfSuperseded(epoch);
                await RestoreAccountAsync(accountId, entry, reconcile: _everReady).ConfigureAwait(false);
            }
        }
        catch (ApplicationRejected rejected)
        {
            // The application's credentials are refused: reconnecting would be refused again, so stop until the next call.
            var e = rejected.Error;
            _phase = Phase.Failed;
            Volatile.Write(ref _stopped, 1);
            _log.ApplicationAuthFailed(e.ErrorCode);
            FailAll(_readyWaiters, e);
            return;
        }
        catch (Exception e) when (IsSuperseded(epoch) || e is GatewayConnectionException)
        {
            // The connection went while restoring; the next one starts over.
            _log.SessionRestoreInterrupted(epoch, e.Message);
            return;
        }
        catch (GatewayException e)
        {
            _phase = Phase.Idle;
            _log.SessionRestoreFailed(epoch, e.Message);
            FailAll(_readyWaiters, e);
            return;
        }

        _phase = Phase.Ready;
        _client.OpenGate(epoch);
        var elapsed = _time.GetElapsedTime(started);
        if (_everReady)
        {
            Interlocked.Increment(ref _reconnects);
            Notify(new SessionRestored(Reconnects));
        }

        _everReady = true;
        _log.SessionRestored(epoch, elapsed.TotalMilliseconds);
        CompleteAll(_readyWaiters);
        CompleteAll(_afterRestore);
    }

    /// <summary>Authorizes one account on the connection, renews its subscriptions, and optionally reconciles it.</summary>
    private async Task RestoreAccountAsync(long accountId, AccountEntry entry, bool reconcile)
    {
        if (!await TryAuthorizeAsync(accountId, entry).ConfigureAwait(false))
        {
            return;
        }

        foreach (var renewal in _book.RenewalsFor(accountId))
        {
            try
            {
                await AskAsync<IMessage>(renewal).ConfigureAwait(false);
            }
            catch (GatewayRejectedException e)
            {
                _log.RenewalRefused(renewal.Descriptor.Name, accountId, e.ErrorCode);
            }
        }

        if (!reconcile)
        {
            return;
        }

        try
        {
            var snapshot = await AskAsync<ProtoOAReconcileRes>(new ProtoOAReconcileReq { CtidTraderAccountId = accountId })
                .ConfigureAwait(false);
            Notify(new AccountReconciled(accountId, snapshot));
        }
        catch (GatewayRejectedException e)
        {
            _log.RenewalRefused(nameof(ProtoOAReconcileReq), accountId, e.ErrorCode);
        }
    }

    private async Task AuthenticateApplicationAsync()
    {
        try
        {
            await AskAsync<ProtoOAApplicationAuthRes>(
                new ProtoOAApplicationAuthReq { ClientId = _settings.ClientId, ClientSecret = _settings.ClientSecret }).ConfigureAwait(false);
        }
        catch (GatewayRejectedException e) when (e.ErrorCode != "CH_CLIENT_ALREADY_AUTHENTICATED")
        {
            throw new ApplicationRejected(e);
        }
    }

    /// <summary>Sends one of the session's own requests ahead of the core's gate.</summary>
    private Task<T> AskAsync<T>(IMessage request)
        where T : class, IMessage => _client.AskRestoreAsync<T>(request, CancellationToken.None);

    private bool IsSuperseded(int epoch) => epoch != Volatile.Read(ref _latestEpoch) || _client.State != ConnectionState.Connected;

    private void ThrowIfSuperseded(int epoch)
    {
        if (IsSuperseded(epoch))
        {
            throw new GatewayConnectionException(ConnectionFailureKind.ConnectionLost, "A newer connection took over.");
        }
    }

    /// <summary>Carries the server's refusal of the application's credentials out of the restore sequence.</summary>
    private sealed class ApplicationRejected(GatewayRejectedException error) : Exception(error.Message, error)
    {
        public GatewayRejectedException Error { get; } = error;
    }
}
