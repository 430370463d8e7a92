using System.Security.Cryptography.X509Certificates;

namespace ActorGateway;

/// <summary>How the connection is secured. The real servers require TLS; plain TCP is for local simulators.</summary>
public sealed class TlsOptions
{
    /// <summary>Use TLS (default: true). The host name is sent as SNI and checked against the certificate.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Accept a server certificate that does not validate (default: false). Only for a local simulator's self-signed
    /// certificate: it removes all protection against a man in the middle.
    /// </summary>
    public bool AllowUntrustedCertificate { get; set; }

    /// <summary>
    /// A PEM or DER file holding the one CA (or self-signed server) certificate to trust instead of the system's roots
    /// (default: none, the system's roots). The host name is still checked.
    /// </summary>
    public string? TrustedCertificatePath { get; set; }

    /// <summary>The same as <see cref="TrustedCertificatePath"/>, for a certificate already loaded (default: none).</summary>
    public X509Certificate2? TrustedCertificate { get; set; }
}
