using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ActorGateway.Transport;

/// <summary>
/// The server-certificate check of one handshake. The chain handed to the callback is only valid inside it, so the reason
/// for a refusal is put into words there and kept for the exception the failed handshake becomes.
/// </summary>
internal sealed class CertificateCheck(TlsSettings settings, string host)
{
    /// <summary>Why the server's certificate was refused, or null when it was not (or not yet looked at).</summary>
    public string? Refusal { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        Refusal = settings.Refuse(host, certificate, chain, errors);
        return Refusal is null;
    }
}
