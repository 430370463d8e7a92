namespace ActorGateway.Session;

/// <summary>Which of the server's two worlds a connection or an account belongs to; each host serves one only.</summary>
public enum GatewayEnvironment
{
    /// <summary>Demo accounts, served by <see cref="OpenApiEndpoints.DemoHost"/>.</summary>
    Demo,

    /// <summary>Live accounts, served by <see cref="OpenApiEndpoints.LiveHost"/>.</summary>
    Live,
}
