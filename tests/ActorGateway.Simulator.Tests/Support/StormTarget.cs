using System.Globalization;
using System.Net;

namespace ActorGateway.Simulator.Tests.Support;

/// <summary>
/// Where a storm's clients connect and which certificate they trust: what a storm needs of a server, in a form that can
/// cross to another process on its command line.
/// </summary>
internal sealed record StormTarget(IPEndPoint EndPoint, string? CertificateHash)
{
    public static StormTarget Of(SimulatorServer server) => new(server.EndPoint, server.Certificate?.GetCertHashString());

    /// <summary>Connects, over TLS when the target has a certificate (trusting exactly that one).</summary>
    public Task<RawClient> ConnectAsync() => RawClient.ConnectAsync(EndPoint,
        CertificateHash is { } expected ? certificate => certificate?.GetCertHashString() == expected : null);

    /// <summary>The target as command-line arguments, read back by <see cref="Parse"/>.</summary>
    public IEnumerable<string> ToArguments() =>
        [EndPoint.Address.ToString(), EndPoint.Port.ToString(CultureInfo.InvariantCulture), CertificateHash ?? "-"];

    public static StormTarget Parse(IReadOnlyList<string> arguments) => new(
        new IPEndPoint(IPAddress.Parse(arguments[0]), int.Parse(arguments[1], CultureInfo.InvariantCulture)),
        arguments[2] == "-" ? null : arguments[2]);
}
