namespace ActorGateway.Cluster.Messages;

/// <summary>
/// A request sent in an <see cref="AccountEnvelope"/> failed. Akka's own <c>Status.Failure</c> cannot carry the gateway's
/// exceptions between nodes (its exception format needs a serialization constructor they do not have), so the entity
/// answers with this, which the project's serializer carries field by field; <see cref="ClusterAccounts"/> throws
/// <see cref="Cause"/>.
/// </summary>
/// <param name="Cause">The typed failure, as the session reported it.</param>
public sealed record RequestFailed(GatewayException Cause) : IClusterMessage;
