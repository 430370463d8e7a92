using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ActorGateway.Transport;

/// <summary>
/// Puts a refused server certificate into words: names, issuers and dates from the certificates, which are public, and
/// a label in parentheses (name mismatch, untrusted chain, expired, not yet valid) a reader can search for.
/// </summary>
internal static class CertificateProblems
{
    private const int MaxNamesShown = 5;
    private const string SubjectAlternativeNameOid = "2.5.29.17";

    public static string NameMismatch(X509Certificate2 leaf, string host)
    {
        var names = NamesOf(leaf);
        var shown = string.Join(", ", names.Take(MaxNamesShown).Select(n => $"'{n}'"));
        var more = names.Count > MaxNamesShown ? $" and {names.Count - MaxNamesShown} more" : "";
        return names.Count == 0
            ? $"the server's certificate names no host, not '{host}' (name mismatch)"
            : $"the server's certificate is for {shown}{more}, not '{host}' (name mismatch)";
    }

    public static string Chain(X509Certificate2 leaf, X509Chain? chain)
    {
        if (chain is null)
        {
            return "the server's certificate chain could not be checked (untrusted chain)";
        }

        var problems = new List<string>();
        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        if (flags.HasFlag(X509ChainStatusFlags.NotTimeValid))
        {
            problems.Add(Validity(chain));
        }

        if (flags.HasFlag(X509ChainStatusFlags.Revoked))
        {
            problems.Add("the server's certificate or one of its issuers has been revoked (untrusted chain)");
        }

        if ((flags & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
        {
            problems.Add(Untrusted(leaf, chain));
        }

        var rest = flags & ~(X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.Revoked | X509ChainStatusFlags.UntrustedRoot
            | X509ChainStatusFlags.PartialChain);
        if (rest != X509ChainStatusFlags.NoError)
        {
            problems.Add($"the server's certificate chain is invalid: {rest} (untrusted chain)");
        }
        else if (problems.Count == 0)
        {
            problems.Add("the server's certificate chain could not be verified (untrusted chain)");
        }

        return string.Join("; ", problems);
    }

    private static string Validity(X509Chain chain)
    {
        var now = DateTime.Now;
        for (var i = 0; i < chain.ChainElements.Count; i++)
        {
            var element = chain.ChainElements[i];
            if (!element.ChainElementStatus.Any(s => s.Status.HasFlag(X509ChainStatusFlags.NotTimeValid)))
            {
                continue;
            }

            var certificate = element.Certificate;
            var whose = i == 0 ? "the server's certificate" : $"the certificate of its issuer '{certificate.Subject}'";
            return certificate.NotBefore > now
                ? $"{whose} is not valid before {Utc(certificate.NotBefore)} (not yet valid)"
                : $"{whose} expired on {Utc(certificate.NotAfter)} (expired)";
        }

        return "a certificate in the server's chain is outside its validity period (expired)";
    }

    private static string Untrusted(X509Certificate2 leaf, X509Chain chain)
    {
        if (leaf.SubjectName.RawData.AsSpan().SequenceEqual(leaf.IssuerName.RawData))
        {
            return $"the server's certificate '{leaf.Subject}' is self-signed and not trusted (untrusted chain)";
        }

        // The top of what could be built: the untrusted root itself, or the last certificate whose issuer is unknown.
        var top = chain.ChainElements.Count > 0 ? chain.ChainElements[^1].Certificate : leaf;
        var how = chain.ChainElements.Count > 1 ? "chains up to" : "is issued by";
        return $"the server's certificate {how} '{top.Issuer}', which is not trusted (untrusted chain)";
    }

    private static List<string> NamesOf(X509Certificate2 leaf)
    {
        var names = new List<string>();
        try
        {
            foreach (var extension in leaf.Extensions)
            {
                if (extension.Oid?.Value == SubjectAlternativeNameOid)
                {
                    var alternative = new X509SubjectAlternativeNameExtension(extension.RawData, extension.Critical);
                    names.AddRange(alternative.EnumerateDnsNames());
                    names.AddRange(alternative.EnumerateIPAddresses().Select(a => a.ToString()));
                }
            }
        }
        catch (CryptographicException)
        {
            // A garbled extension only costs the names in the message; the handshake is refused either way.
            names.Clear();
        }

        // Without alternative names, clients fall back to the common name.
        if (names.Count == 0 && leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false) is { Length: > 0 } common)
        {
            names.Add(common);
        }

        return names;
    }

    private static string Utc(DateTime local) =>
        local.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
