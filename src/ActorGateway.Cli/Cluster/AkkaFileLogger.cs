using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// Akka's log events of a node in this process written to a file (named by <see cref="FileKey"/>), one line each, so the
/// soak's client node can log membership, reachability and hand-over lines as the node processes do without burying the
/// soak's own console output.
/// </summary>
internal sealed class AkkaFileLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>, IDisposable
{
    /// <summary>The configuration key of the file's path.</summary>
    public const string FileKey = "actorgateway.cli.akka-log-file";

    private readonly StreamWriter _writer;

    public AkkaFileLogger()
    {
        _writer = new StreamWriter(Context.System.Settings.Config.GetString(FileKey), append: true) { AutoFlush = true };
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(e => _writer.WriteLine(e.ToString()));
    }

    /// <summary>Akka disposes an actor that is disposable once it has stopped.</summary>
    public void Dispose() => _writer.Dispose();
}
