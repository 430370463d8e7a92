using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ActorGateway.Transport;

/// <summary>The TLS settings a connection uses, fixed when the client is created, with the certificate check they imply.</summary>
/// <param name="Enabled">Use TLS.</param>
/// <param name="AllowUntrustedCertificate">Accept any server certificate.</param>
/// <param name="TrustAnchor">The only certificate to trust as a root, or null for the system's roots.</param>
internal sealed record TlsSettings(bool Enabled, bool AllowUntrustedCertificate, X509Certificate2? TrustAnchor)
{
    /// <exception cref="ArgumentException">The trusted-certificate file cannot be read as a certificate.</exception>
    public static TlsSettings From(TlsOptions options)
    {
        var anchor = options.TrustedCertificate
            ?? (options.TrustedCertificatePath is { } path ? Load(path) : null);
        return new TlsSettings(options.Enabled, options.AllowUntrustedCertificate, anchor);
    }

    /// <summary>The server-certificate check: the system's, or the same with <see cref="TrustAnchor"/> as the only root.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (AllowUntrustedCertificate)
        {
            return true;
        }

        if (TrustAnchor is null || certificate is null)
        {
            return errors == SslPolicyErrors.None;
        }

        // A wrong host name or a missing certificate still fails; only the chain is judged against the anchor.
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(TrustAnchor);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            // The intermediates the server sent, so a leaf issued below the anchor still reaches it.
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf);
    }

    private static X509Certificate2 Load(string path)
    {
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ArgumentException(
                $"GatewayOptions.Tls.TrustedCertificatePath: '{path}' cannot be read as a certificate ({e.Message}).",
                nameof(path), e);
        }
    }
}
