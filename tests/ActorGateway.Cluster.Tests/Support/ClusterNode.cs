using ActorGateway.Cluster.Hosting;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorGateway.Cluster.Tests.Support;

/// <summary>One node of a test cluster: a generic host running an Akka.Hosting system with the account cluster set up.</summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private ClusterNode(IHost host, string name)
    {
        _host = host;
        Name = name;
        System = host.Services.GetRequiredService<ActorSystem>();
        Region = host.Services.GetRequiredService<ActorRegistry>().Get<AccountRegion>();
        Accounts = new ClusterAccounts(Region);
    }

    public string Name { get; }

    public ActorSystem System { get; }

    public IActorRef Region { get; }

    public ClusterAccounts Accounts { get; }

    public Akka.Actor.Address Address => Akka.Cluster.Cluster.Get(System).SelfAddress;

    public static async Task<ClusterNode> StartAsync(string name, AccountClusterOptions options, string extraHocon = "")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAkka("actorgateway", akka =>
        {
            akka.WithAccountCluster(options);
            // Akka's own Info lines (membership, hand-offs) would bury the test output; warnings still show.
            akka.AddHocon("akka.loglevel = WARNING\nakka.log-dead-letters-during-shutdown = off", HoconAddMode.Prepend);
            if (extraHocon.Length > 0)
            {
                akka.AddHocon(extraHocon, HoconAddMode.Prepend);
            }
        });
        var host = builder.Build();
        await host.StartAsync().OrTimeout();
        return new ClusterNode(host, name);
    }

    /// <summary>Leaves the cluster gracefully (its shards are handed over), then stops.</summary>
    public async Task LeaveAsync()
    {
        await Akka.Cluster.Cluster.Get(System).LeaveAsync().OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(30)));
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _host.StopAsync().OrTimeout(TestTimeouts.Dilated(TimeSpan.FromSeconds(30)));
        _host.Dispose();
    }
}
