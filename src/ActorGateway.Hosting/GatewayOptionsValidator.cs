using Microsoft.Extensions.Options;

namespace ActorGateway.Hosting;

/// <summary>
/// Checks a registered gateway's options when the host starts, with <see cref="GatewayOptions.Validate"/>'s rules, and
/// names the failing configuration key (<c>ActorGateway:Gateways:live:HeartbeatInterval must be positive.</c>) rather
/// than the property.
/// </summary>
internal sealed class GatewayOptionsValidator(GatewayRegistry registry) : IValidateOptions<GatewayOptions>
{
    private const string PropertyPrefix = "GatewayOptions.";

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is null || !registry.Contains(name))
        {
            return ValidateOptionsResult.Skip;
        }

        var section = registry.SectionOf(name);
        var failures = HostFailures(options, section).ToList();
        if (failures.Count == 0)
        {
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                failures.Add(Rename(e, section));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> HostFailures(GatewayOptions options, string section)
    {
        var hosts = options.Hosts ?? [];
        for (var i = 0; i < hosts.Count; i++)
        {
            var problem = HostProblem(hosts[i], options.Port);
            if (problem is not null)
            {
                yield return $"{section}:Hosts:{i} {problem}";
            }
        }

        if (options.Tls.TrustedCertificatePath is { } path && !File.Exists(path))
        {
            yield return $"{section}:Tls:TrustedCertificatePath names a file that does not exist ({path}).";
        }
    }

    private static string? HostProblem(string host, int port)
    {
        try
        {
            _ = GatewayEndpoint.Parse(host, port);
            return null;
        }
        catch (ArgumentException)
        {
            return "must be a host name or address, optionally followed by :port (1-65535).";
        }
    }

    /// <summary>Turns "GatewayOptions.Reconnect.MaxDelay must ..." into "ActorGateway:Reconnect:MaxDelay must ...".</summary>
    private static string Rename(ArgumentException e, string section)
    {
        var property = e.ParamName ?? "";
        var message = e.Message;
        var suffix = $" (Parameter '{property}')";
        if (message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message[..^suffix.Length];
        }

        var known = $"{PropertyPrefix}{property} ";
        return message.StartsWith(known, StringComparison.Ordinal)
            ? $"{section}:{property.Replace('.', ':')} {message[known.Length..]}"
            : $"{section}: {message}";
    }
}
