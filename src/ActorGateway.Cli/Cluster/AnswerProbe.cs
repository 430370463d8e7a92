using System.Diagnostics;
using ActorGateway.Cluster;
using ActorGateway.Protocol.Messages;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// When accounts answer: each account is asked for its trader again and again, a new Ask every <see cref="Spacing"/>
/// without waiting for the last (one sent to a dead node is lost until the Ask's own timeout), until one is answered.
/// The moment of that first answer is the account's; the last of them is when all answer.
/// </summary>
internal static class AnswerProbe
{
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The time from <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp) until every account of
    /// <paramref name="accountIds"/> answered an Ask; null if one did not within <paramref name="bound"/>.
    /// </summary>
    public static async Task<TimeSpan?> AllAnswerAsync(ClusterAccounts accounts, IReadOnlyCollection<long> accountIds, long since,
        TimeSpan bound, CancellationToken cancellationToken)
    {
        var answered = await Task.WhenAll(accountIds.Select(id => FirstAnswerAsync(accounts, id, bound, cancellationToken)))
            .ConfigureAwait(false);
        if (answered.Any(at => at is null))
        {
            return null;
        }

        return answered.Length == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(since, answered.Max(at => at!.Value));
    }

    private static async Task<long?> FirstAnswerAsync(ClusterAccounts accounts, long accountId, TimeSpan bound,
        CancellationToken cancellationToken)
    {
        var answered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var deadline = Stopwatch.GetTimestamp() + (long)(bound.TotalSeconds * Stopwatch.Frequency);
        using var spacing = new PeriodicTimer(Spacing);
        var rounds = (int)(bound / Spacing) + 1;
        for (var round = 0; round < rounds && Stopwatch.GetTimestamp() < deadline; round++)
        {
            _ = AskOnceAsync(accounts, accountId, answered);
            var tick = spacing.WaitForNextTickAsync(cancellationToken).AsTask();
            if (await Task.WhenAny(answered.Task, tick).ConfigureAwait(false) == answered.Task)
            {
                return await answered.Task.ConfigureAwait(false);
            }

            await tick.ConfigureAwait(false);
        }

        // An Ask still out may yet answer: give it its own timeout, no more.
        return await Task.WhenAny(answered.Task, Task.Delay(AskTimeout, cancellationToken)).ConfigureAwait(false) == answered.Task
            ? await answered.Task.ConfigureAwait(false)
            : null;
    }

    private static async Task AskOnceAsync(ClusterAccounts accounts, long accountId, TaskCompletionSource<long> answered)
    {
        try
        {
            await accounts.AskAsync<ProtoOATraderRes>(accountId, new ProtoOATraderReq { CtidTraderAccountId = accountId }, AskTimeout)
                .WaitAsync(AskTimeout * 2).ConfigureAwait(false);
            answered.TrySetResult(Stopwatch.GetTimestamp());
        }
        catch (Exception e) when (e is GatewayException or TimeoutException)
        {
            // Not yet: the next Ask may reach the account's new home.
        }
    }
}
