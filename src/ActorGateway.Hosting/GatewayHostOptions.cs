namespace ActorGateway.Hosting;

/// <summary>
/// What the host does with one gateway, beside the gateway's own <see cref="GatewayOptions"/>; bound from the same
/// configuration section.
/// </summary>
public sealed class GatewayHostOptions
{
    /// <summary>
    /// Connect while the host starts, so start fails when the server cannot be reached (default: false: the first
    /// request connects).
    /// </summary>
    public bool ConnectOnStart { get; set; }
}
