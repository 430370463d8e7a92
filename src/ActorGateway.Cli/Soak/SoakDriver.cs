using System.Diagnostics;
using ActorGateway.Session;

namespace ActorGateway.Cli.Soak;

/// <summary>One cut: how it was made, how many relayed connections it ended, and how long the session took to be whole.</summary>
internal sealed record CutRecord(int Number, CutKind Kind, int Connections, TimeSpan? Restored);

/// <summary>What the sending phase did.</summary>
internal sealed record DriveResult(int Issued, TimeSpan Elapsed, bool Stalled, bool StoppedEarly, IReadOnlyList<CutRecord> Cuts,
    CutFailures Failures);

/// <summary>
/// Sends the requests with at most <see cref="SoakSettings.InFlight"/> awaiting their outcome, and cuts the relay at
/// evenly spread points: cut <c>k</c> comes just before request <c>k·N/(K+1)</c> is sent, alternating reset and
/// close, and the next cut waits until the session says it was restored after this one (or the bound passes), so every
/// cut meets a live session with requests in flight. Sending never waits for a restore: requests sent during an
/// outage are held by the session.
/// </summary>
internal sealed class SoakDriver(SoakSettings settings, IGatewaySession session, CuttingRelay relay, RestoreWatch watch,
    SoakTally tally, OrderLedger orders, UnknownResolver resolver, string run, Action<string> progress)
{
    private readonly List<CutRecord> _cuts = [];
    private int _lastCut = -1;

    /// <summary>Failed requests by the kind of the last cut before they ended: how each kind of cut reaches the caller.</summary>
    public CutFailures Failures { get; } = new();

    public async Task<DriveResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (issued, stalled, stoppedEarly, nextCut) = (0, false, false, 0);
        Task? restoring = null;
        var report = Math.Max(1, settings.Requests / 10);
        for (var index = 0; index < settings.Requests; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Stopwatch.GetElapsedTime(started) > settings.MaxDuration)
            {
                stoppedEarly = true;
                break;
            }

            if (nextCut < settings.Kills && index == CutPoint(nextCut))
            {
                if (restoring is not null)
                {
                    await restoring.ConfigureAwait(false);
                }

                restoring = CutAsync(nextCut++);
            }

            // The window: request i goes once all but InFlight - 1 of those before it completed. One that does not open
            // within the hang bound means requests stopped completing.
            if (!await tally.Completed.WaitForAsync(index + 1L - settings.InFlight, settings.HangBound).ConfigureAwait(false))
            {
                stalled = true;
                break;
            }

            issued++;
            _ = TrackAsync(index);
            if ((index + 1) % report == 0)
            {
                progress($"sent {index + 1:N0}/{settings.Requests:N0}, completed {tally.Completed.Value:N0}, cuts {nextCut}/{settings.Kills}");
            }
        }

        if (restoring is not null)
        {
            await restoring.ConfigureAwait(false);
        }

        return new DriveResult(issued, Stopwatch.GetElapsedTime(started), stalled, stoppedEarly, [.. _cuts], Failures);
    }

    private int CutPoint(int cut) => (int)((cut + 1L) * settings.Requests / (settings.Kills + 1));

    private async Task CutAsync(int cut)
    {
        var kind = cut % 2 == 0 ? CutKind.Reset : CutKind.Close;
        var at = Stopwatch.GetTimestamp();
        Volatile.Write(ref _lastCut, (int)kind);
        var connections = relay.CutAll(kind);
        var restoredAt = await watch.RestoredAfterAsync(at, settings.RestoreBound).ConfigureAwait(false);
        _cuts.Add(new CutRecord(cut + 1, kind, connections, restoredAt is { } r ? Stopwatch.GetElapsedTime(at, r) : null));
    }

    private async Task TrackAsync(int index)
    {
        Exception? error = null;
        try
        {
            await SoakWorkload.SendAsync(session, run, index).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            error = e;
        }

        var kind = SoakWorkload.KindOf(index);
        tally.Record(index, kind, error);
        if (error is not null && Volatile.Read(ref _lastCut) is var cut and >= 0)
        {
            Failures.Add((CutKind)cut, error);
        }

        if (kind == SoakRequestKind.MarketOrder
            && orders.Record(SoakWorkload.LabelOf(run, index), SoakWorkload.AccountOf(index), SoakOutcome.VerdictOf(error)) is
                { Verdict: OrderVerdict.Unknown } unknown)
        {
            resolver.Add(unknown);
        }
    }
}
