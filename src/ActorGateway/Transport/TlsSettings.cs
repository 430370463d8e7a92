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

    /// <summary>
    /// The server-certificate check: the system's, or the same with <see cref="TrustAnchor"/> as the only root.
    /// </summary>
    /// <returns>Null when the certificate is accepted; otherwise every reason it is not, in words.</returns>
    public string? Refuse(string host, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (AllowUntrustedCertificate || (TrustAnchor is null && errors == SslPolicyErrors.None))
        {
            return null;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the server sent no certificate";
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var reasons = new List<string>(2);
        // A wrong host name fails even with an anchor; only the chain is judged against it.
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            reasons.Add(CertificateProblems.NameMismatch(leaf, host));
        }

        if (TrustAnchor is null)
        {
            if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
            {
                reasons.Add(CertificateProblems.Chain(leaf, chain));
            }
        }
        else
        {
            using var anchored = AnchoredChain(chain);
            if (!anchored.Build(leaf))
            {
                reasons.Add(CertificateProblems.Chain(leaf, anchored));
            }
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    private X509Chain AnchoredChain(X509Chain? sent)
    {
        var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(TrustAnchor!);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (sent is not null)
        {
            // The intermediates the server sent, so a leaf issued below the anchor still reaches it.
            foreach (var element in sent.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom;
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
