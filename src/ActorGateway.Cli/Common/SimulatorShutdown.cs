using System.Net.Sockets;
using ActorGateway.Simulator;

namespace ActorGateway.Cli.Common;

/// <summary>
/// Stops an in-process simulator at the end of a command. Its <c>DisposeAsync</c> awaits every connection's task, and a
/// connection whose client has just gone can fault on its last write (broken pipe); the command's work is done by then,
/// so that failure must not turn a successful run into an error.
/// </summary>
internal static class SimulatorShutdown
{
    public static async Task StopAsync(SimulatorServer server)
    {
        try
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // A write to a client that had already closed; nothing is left to clean up.
        }
    }
}
