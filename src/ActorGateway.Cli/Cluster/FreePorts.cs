using System.Net;
using System.Net.Sockets;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// Ports on 127.0.0.1 free a moment ago, for node processes whose addresses must be known before they start (they are
/// one another's seeds). All are held at once while picked, so they differ; another program could take one before the
/// node binds it, which the node then reports as it fails to start.
/// </summary>
internal static class FreePorts
{
    public static IReadOnlyList<int> Take(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
                listener.Dispose();
            }
        }
    }
}
