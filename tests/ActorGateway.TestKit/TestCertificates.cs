using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ActorGateway.TestKit;

/// <summary>Certificates made inside a test, so TLS can be tested without any file or store.</summary>
public static class TestCertificates
{
    /// <summary>
    /// A self-signed server certificate for <paramref name="hostName"/> (and 127.0.0.1), valid from yesterday to
    /// tomorrow, with its private key.
    /// </summary>
    public static X509Certificate2 CreateSelfSigned(string hostName = "localhost")
    {
        var now = DateTimeOffset.UtcNow;
        return CreateSelfSigned(hostName, now.AddDays(-1), now.AddDays(1));
    }

    /// <summary>A self-signed server certificate for <paramref name="hostName"/> (and 127.0.0.1) that expired yesterday.</summary>
    public static X509Certificate2 CreateExpired(string hostName = "localhost")
    {
        var now = DateTimeOffset.UtcNow;
        return CreateSelfSigned(hostName, now.AddDays(-30), now.AddDays(-1));
    }

    /// <summary>A self-signed server certificate for <paramref name="hostName"/> (and 127.0.0.1) valid only from tomorrow.</summary>
    public static X509Certificate2 CreateNotYetValid(string hostName = "localhost")
    {
        var now = DateTimeOffset.UtcNow;
        return CreateSelfSigned(hostName, now.AddDays(1), now.AddDays(30));
    }

    /// <summary>
    /// A self-signed server certificate for <paramref name="hostName"/> (and 127.0.0.1) valid from
    /// <paramref name="notBefore"/> to <paramref name="notAfter"/>, with its private key.
    /// </summary>
    public static X509Certificate2 CreateSelfSigned(string hostName, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ServerRequest(hostName, key);
        // Self-signed, it is its own root, so it may be pinned as the one trusted certificate.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, critical: true));
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        // A round trip through PKCS#12 gives a certificate whose key every platform's TLS stack accepts.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>A certificate authority (with its private key) to issue server certificates from.</summary>
    public static X509Certificate2 CreateAuthority(string name = "ActorGateway Test CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, critical: true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(2));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>
    /// A server certificate for <paramref name="hostName"/> issued by <paramref name="authority"/>, with its private key.
    /// </summary>
    public static X509Certificate2 CreateIssuedBy(X509Certificate2 authority, string hostName = "localhost")
    {
        ArgumentNullException.ThrowIfNull(authority);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ServerRequest(hostName, key);
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(authority, now.AddDays(-1), now.AddDays(1), Guid.NewGuid().ToByteArray());
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The public part of a certificate in PEM, as a user would put it in a trusted-certificate file.</summary>
    public static string ToPem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.ExportCertificatePem();
    }

    private static CertificateRequest ServerRequest(string hostName, ECDsa key)
    {
        var request = new CertificateRequest($"CN={hostName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostName);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request;
    }
}
