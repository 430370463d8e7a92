using System.Globalization;

namespace ActorGateway;

/// <summary>One host and port to connect to.</summary>
/// <param name="Host">The host name (sent as SNI and checked against the certificate) or address.</param>
/// <param name="Port">The TCP port.</param>
public sealed record GatewayEndpoint(string Host, int Port)
{
    /// <summary>Parses <c>host</c> or <c>host:port</c>; <paramref name="defaultPort"/> when no port is given.</summary>
    /// <exception cref="ArgumentException">The text is empty or the port is not a number from 1 to 65535.</exception>
    public static GatewayEndpoint Parse(string text, int defaultPort)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("A host must not be empty.", nameof(text));
        }

        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? text : text[..colon];
        var port = defaultPort;
        if (colon >= 0 && !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port))
        {
            throw new ArgumentException($"'{text}' does not end in a port number.", nameof(text));
        }

        if (port is < 1 or > 65535 || host.Length == 0)
        {
            throw new ArgumentException($"'{text}' is not a valid host and port.", nameof(text));
        }

        return new GatewayEndpoint(host, port);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Host}:{Port}";
}
