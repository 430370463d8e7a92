using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ActorGateway.Cli.Bench;

/// <summary>The TLS handshake of both raw clients.</summary>
internal static class PinnedTls
{
    /// <summary>The simulator's certificate is self-signed: trust exactly that one.</summary>
    public static SslClientAuthenticationOptions ClientOptions(X509Certificate2 pinned) => new()
    {
        TargetHost = "localhost",
        RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && pinned.Equals(certificate),
    };
}
