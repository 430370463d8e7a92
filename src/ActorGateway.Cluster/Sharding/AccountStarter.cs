using Akka.Actor;
using ActorGateway.Cluster.Messages;

namespace ActorGateway.Cluster.Sharding;

/// <summary>
/// Starts the configured accounts at boot without waiting for a request: asks the region to start each entity and asks
/// again every few seconds for those not yet acknowledged (the region buffers until the cluster has formed, and a start
/// can be lost while the coordinator moves). Stops once every account has answered. Remember-entities then brings them
/// back after a rebalance or failover.
/// </summary>
internal sealed class AccountStarter : UntypedActor, IWithTimers
{
    private static readonly TimeSpan Again = TimeSpan.FromSeconds(2);
    private readonly IActorRef _region;
    private readonly HashSet<long> _pending;

    public AccountStarter(IActorRef region, IEnumerable<long> accounts)
    {
        _region = region;
        _pending = accounts.ToHashSet();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef region, IEnumerable<long> accounts) =>
        Akka.Actor.Props.Create(() => new AccountStarter(region, accounts));

    protected override void PreStart()
    {
        StartPending();
        Timers.StartPeriodicTimer(nameof(Again), Again, Again);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case AccountStarted started:
                _pending.Remove(started.AccountId);
                if (_pending.Count == 0)
                {
                    Context.Stop(Self);
                }

                break;
            case TimeSpan:
                StartPending();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void StartPending()
    {
        foreach (var id in _pending)
        {
            _region.Tell(new StartAccount(id));
        }
    }
}
