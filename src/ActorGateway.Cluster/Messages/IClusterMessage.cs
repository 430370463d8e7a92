namespace ActorGateway.Cluster.Messages;

/// <summary>
/// Marks the project's messages that may cross nodes: every one is bound to <c>ClusterMessageSerializer</c>, so none
/// falls back to Akka's default JSON serializer.
/// </summary>
public interface IClusterMessage
{
}
