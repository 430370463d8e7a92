using ActorGateway.Session;

namespace ActorGateway.Hosting;

/// <summary>
/// Who a hosted <see cref="GatewaySession"/> is: bound from the <c>Session</c> section under its gateway's section
/// (<c>ActorGateway:Session</c>, or <c>ActorGateway:Gateways:&lt;name&gt;:Session</c>). The secret and the tokens must come
/// from the environment (<c>${?ACTORGATEWAY_CLIENT_SECRET}</c> in HOCON, or <c>ActorGateway__Session__ClientSecret</c>):
/// the host refuses to start when a file holds them. Printing it never shows them.
/// </summary>
public sealed class SessionHostOptions
{
    /// <summary>The application's client id (required; reference.conf reads ACTORGATEWAY_CLIENT_ID).</summary>
    public string? ClientId { get; set; }

    /// <summary>The application's client secret (required, environment only; reference.conf reads ACTORGATEWAY_CLIENT_SECRET).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The access token (required, environment only; reference.conf reads ACTORGATEWAY_ACCESS_TOKEN).</summary>
    public string? AccessToken { get; set; }

    /// <summary>The refresh token (default: none; environment only; reference.conf reads ACTORGATEWAY_REFRESH_TOKEN).</summary>
    public string? RefreshToken { get; set; }

    /// <summary>The environment of the hosts (default: null, live for live.ctraderapi.com and demo otherwise).</summary>
    public GatewayEnvironment? Environment { get; set; }

    /// <summary>The properties that hold secrets, with the environment variable reference.conf reads each from.</summary>
    internal static IReadOnlyList<(string Property, string Variable)> Secrets { get; } =
    [
        (nameof(ClientSecret), "ACTORGATEWAY_CLIENT_SECRET"),
        (nameof(AccessToken), "ACTORGATEWAY_ACCESS_TOKEN"),
        (nameof(RefreshToken), "ACTORGATEWAY_REFRESH_TOKEN"),
    ];

    /// <inheritdoc />
    public override string ToString() => $"SessionHostOptions(client {ClientId}, secret ***, tokens ***, {Environment})";
}
