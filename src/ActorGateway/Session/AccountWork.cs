using ActorGateway.Diagnostics;
using ActorGateway.Protocol.Messages;
using Google.Protobuf;
using Microsoft.Extensions.Logging;

namespace ActorGateway.Session;

/// <summary>What the session asks to be done for one account on one connection: a snapshot, so the work runs off the actor.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Epoch">The connection to do it on.</param>
/// <param name="AccessToken">The token to authorize it with.</param>
/// <param name="Granted">The accounts the token grants, if already asked on this token.</param>
/// <param name="Renewals">The subscriptions to renew once authorized.</param>
/// <param name="Reconcile">Whether to reconcile it afterwards (after a gap in its events).</param>
internal sealed record AccountJob(long AccountId, int Epoch, string AccessToken, IReadOnlyList<ProtoOACtidTraderAccount>? Granted,
    IReadOnlyList<IMessage> Renewals, bool Reconcile)
{
    // A record prints its members; the token must never reach a log.
    public override string ToString() => $"AccountJob({AccountId} on connection {Epoch})";
}

/// <summary>How an <see cref="AccountJob"/> ended.</summary>
internal sealed record AccountOutcome(AccountJob Job)
{
    /// <summary>The grant list asked on the job's token, to keep.</summary>
    public IReadOnlyList<ProtoOACtidTraderAccount>? Granted { get; init; }

    /// <summary>Why the account cannot be used; null when authorized (or when another field explains).</summary>
    public GatewayAccountException? Error { get; init; }

    /// <summary>The server said the access token is no longer valid: a refresh may bring the account back.</summary>
    public bool TokenExpired { get; init; }

    /// <summary>The connection went while working: the next one starts over.</summary>
    public Exception? Lost { get; init; }

    /// <summary>The account's open positions and orders, when reconciled.</summary>
    public ProtoOAReconcileRes? Reconciled { get; init; }

    public bool Authorized => Error is null && !TokenExpired && Lost is null;

    public override string ToString() => $"AccountOutcome({Job.AccountId}, authorized: {Authorized})";
}

/// <summary>
/// The steps that bring one account onto a connection: check the token grants it in the session's environment, authorize
/// it, renew its subscriptions, reconcile it. It runs off the actor and touches none of its state: the session Pipes
/// the outcome back to itself.
/// </summary>
internal static class AccountWork
{
    private const string TokenInvalid = "CH_ACCESS_TOKEN_INVALID";

    public static async Task<AccountOutcome> RunAsync(SessionLink link, AccountJob job, GatewayEnvironment environment, ILogger log)
    {
        var id = job.AccountId;
        var granted = job.Granted;
        try
        {
            // A list asked earlier may predate the account's grant: one not on it is asked about once more.
            if (granted is null || !granted.Any(a => (long)a.CtidTraderAccountId == id))
            {
                granted = (await link.AskAsync<ProtoOAGetAccountListByAccessTokenRes>(
                    new ProtoOAGetAccountListByAccessTokenReq { AccessToken = job.AccessToken }, job.Epoch).ConfigureAwait(false)).CtidTraderAccount;
            }

            if (CheckGrant(id, granted, environment) is { } refused)
            {
                return new AccountOutcome(job) { Granted = granted, Error = refused };
            }

            await AuthorizeAsync(link, job).ConfigureAwait(false);
            log.AccountAuthorized(id);
            foreach (var renewal in job.Renewals)
            {
                await AskRefusalLoggedAsync<IMessage>(link, renewal, job, log).ConfigureAwait(false);
            }

            var reconciled = job.Reconcile
                ? await AskRefusalLoggedAsync<ProtoOAReconcileRes>(link, new ProtoOAReconcileReq { CtidTraderAccountId = id }, job, log)
                    .ConfigureAwait(false)
                : null;
            return new AccountOutcome(job) { Granted = granted, Reconciled = reconciled };
        }
        catch (GatewayRejectedException e) when (e.ErrorCode == TokenInvalid)
        {
            return new AccountOutcome(job) { Granted = granted, TokenExpired = true };
        }
        catch (GatewayRejectedException e)
        {
            return new AccountOutcome(job)
            {
                Granted = granted,
                Error = new GatewayAccountException(id, AccountFailureKind.AuthorizationFailed, $"Account {id} could not be authorized: {e.ErrorCode}.", e),
            };
        }
        catch (GatewayConnectionException e)
        {
            return new AccountOutcome(job) { Granted = granted, Lost = e };
        }
        catch (GatewayException e)
        {
            return new AccountOutcome(job)
            {
                Granted = granted,
                Error = new GatewayAccountException(id, AccountFailureKind.AuthorizationFailed, $"Account {id} could not be authorized: {e.Message}", e),
            };
        }
    }

    private static async Task AuthorizeAsync(SessionLink link, AccountJob job)
    {
        try
        {
            await link.AskAsync<ProtoOAAccountAuthRes>(
                new ProtoOAAccountAuthReq { CtidTraderAccountId = job.AccountId, AccessToken = job.AccessToken }, job.Epoch).ConfigureAwait(false);
        }
        catch (GatewayRejectedException e) when (e.ErrorCode == "ALREADY_LOGGED_IN")
        {
            // Authorized already on this connection: what was wanted.
        }
    }

    private static async Task<T?> AskRefusalLoggedAsync<T>(SessionLink link, IMessage request, AccountJob job, ILogger log)
        where T : class, IMessage
    {
        try
        {
            return await link.AskAsync<T>(request, job.Epoch).ConfigureAwait(false);
        }
        catch (GatewayRejectedException e) when (e.ErrorCode != TokenInvalid)
        {
            log.RenewalRefused(request.Descriptor.Name, job.AccountId, e.ErrorCode);
            return null;
        }
    }

    /// <summary>Null when the token grants the account in the session's environment, else why not.</summary>
    private static GatewayAccountException? CheckGrant(long accountId, IReadOnlyList<ProtoOACtidTraderAccount> granted, GatewayEnvironment environment)
    {
        var account = granted.FirstOrDefault(a => (long)a.CtidTraderAccountId == accountId);
        if (account is null)
        {
            return new GatewayAccountException(accountId, AccountFailureKind.NotGranted,
                $"The configured access token does not grant account {accountId}.");
        }

        var actual = account.IsLive ? GatewayEnvironment.Live : GatewayEnvironment.Demo;
        return actual == environment ? null : new GatewayAccountException(accountId, AccountFailureKind.WrongEnvironment,
            $"Account {accountId} is a {actual} account; this session connects to the {environment} environment.");
    }
}
