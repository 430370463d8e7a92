using ActorGateway.Cluster.Messages;
using Akka.Actor;
using Akka.Cluster.Sharding;

namespace ActorGateway.Cluster.Sharding;

/// <summary>
/// Starts the configured accounts at boot without waiting for a request. It first waits until the shard coordinator knows
/// <c>minimumRegions</c> account regions, so the first node up does not take every account only for the next ones to take
/// them back; then asks the region to start each entity, and asks again every few seconds for those not yet acknowledged
/// (a start can be lost while the coordinator moves). Stops once every account has answered; remember-entities then brings
/// them back after a rebalance or failover.
/// </summary>
/// <remarks>
/// The wait is here rather than in Akka's <c>min-nr-of-members</c> for the role because the coordinator applies that to
/// every start of its own: after the oldest node crashed in a cluster of exactly that many account nodes, the new
/// coordinator would wait for a node that never comes and leave the crashed node's accounts down.
/// </remarks>
internal sealed class AccountStarter : UntypedActor, IWithTimers
{
    private static readonly TimeSpan Again = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RegionsAgain = TimeSpan.FromMilliseconds(500);
    private readonly IActorRef _region;
    private readonly HashSet<long> _pending;
    private readonly int _minimumRegions;

    public AccountStarter(IActorRef region, IEnumerable<long> accounts, int minimumRegions)
    {
        _region = region;
        _pending = accounts.ToHashSet();
        _minimumRegions = minimumRegions;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef region, IEnumerable<long> accounts, int minimumRegions) =>
        Akka.Actor.Props.Create(() => new AccountStarter(region, accounts, minimumRegions));

    protected override void PreStart()
    {
        _region.Tell(GetCurrentRegions.Instance);
        Timers.StartPeriodicTimer(nameof(RegionsAgain), AskRegions.Instance, RegionsAgain);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case CurrentRegions regions when regions.Regions.Count >= _minimumRegions:
                Timers.Cancel(nameof(RegionsAgain));
                StartPending();
                Timers.StartPeriodicTimer(nameof(Again), StartAgain.Instance, Again);
                Become(Starting);
                break;
            case CurrentRegions:
                break;
            case AskRegions:
                _region.Tell(GetCurrentRegions.Instance);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Starting(object message)
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
            case StartAgain:
                StartPending();
                break;
            case CurrentRegions or AskRegions:
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

    private sealed class AskRegions
    {
        public static readonly AskRegions Instance = new();
    }

    private sealed class StartAgain
    {
        public static readonly StartAgain Instance = new();
    }
}
