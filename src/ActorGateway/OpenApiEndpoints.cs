namespace ActorGateway;

/// <summary>The cTrader Open API endpoints for Protobuf over TLS.</summary>
public static class OpenApiEndpoints
{
    /// <summary>The demo environment's host; it serves demo accounts only.</summary>
    public const string DemoHost = "demo.ctraderapi.com";

    /// <summary>The live environment's host; it serves live accounts only.</summary>
    public const string LiveHost = "live.ctraderapi.com";

    /// <summary>The Protobuf port (5035) on both hosts.</summary>
    public const int ProtobufPort = 5035;
}
