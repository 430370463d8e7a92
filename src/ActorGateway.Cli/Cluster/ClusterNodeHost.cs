using ActorGateway.Cluster;
using ActorGateway.Cluster.Hosting;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// A node of the account cluster in this process: a generic host running the Akka.Hosting actor system with
/// <see cref="AccountClusterHostingExtensions.WithAccountCluster"/>. <c>cluster node</c> runs one in the foreground; the
/// soak runs its client node as one.
/// </summary>
internal sealed class ClusterNodeHost : IAsyncDisposable
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(30);
    private readonly IHost _host;
    private int _stopped;

    private ClusterNodeHost(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Region = host.Services.GetRequiredService<ActorRegistry>().Get<AccountRegion>();
        Accounts = new ClusterAccounts(Region);
    }

    public ActorSystem System { get; }

    /// <summary>The account region, or its proxy on a client node.</summary>
    public IActorRef Region { get; }

    public ClusterAccounts Accounts { get; }

    public Akka.Cluster.Cluster Cluster => Akka.Cluster.Cluster.Get(System);

    /// <param name="options">The node's options.</param>
    /// <param name="akkaLogLevel">Akka's own log level.</param>
    /// <param name="akkaLogFile">Where Akka's log lines go (null: the console).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public static async Task<ClusterNodeHost> StartAsync(AccountClusterOptions options, string akkaLogLevel, string? akkaLogFile,
        CancellationToken cancellationToken)
    {
        // No console lifetime or logging defaults: the command owns Ctrl+C and SIGTERM, and prints its own lines.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddAkka(NodeAddresses.SystemName, akka =>
        {
            akka.WithAccountCluster(options);
            // Dead letters are routine while nodes come and go (a killed node's messages); they would bury what matters.
            akka.AddHocon($"akka.loglevel = {akkaLogLevel}\nakka.log-dead-letters = off\nakka.log-dead-letters-during-shutdown = off",
                HoconAddMode.Prepend);
            if (akkaLogFile is not null)
            {
                akka.AddHocon($"{AkkaFileLogger.FileKey} = \"{akkaLogFile.Replace("\\", "/", StringComparison.Ordinal)}\"", HoconAddMode.Prepend);
                akka.ConfigureLoggers(loggers =>
                {
                    loggers.LogLevel = Akka.Event.Logging.LogLevelFor(akkaLogLevel);
                    loggers.ClearLoggers();
                    loggers.AddLogger<AkkaFileLogger>();
                });
            }
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ClusterNodeHost(host);
    }

    /// <summary>Leaves the cluster (its shards are handed over) and stops, within a bound.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        using var bound = new CancellationTokenSource(StopBound);
        await _host.StopAsync(bound.Token).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }
}
