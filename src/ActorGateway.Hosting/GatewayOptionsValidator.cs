using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ActorGateway.Hosting;

/// <summary>
/// Checks a registered gateway's options when the host starts, with <see cref="GatewayOptions.Validate"/>'s rules, and
/// names the failing configuration key (<c>ActorGateway:Gateways:live:HeartbeatInterval must be positive.</c>) rather
/// than the property.
/// </summary>
internal sealed class GatewayOptionsValidator(GatewayRegistry registry, IConfiguration? configuration = null)
    : IValidateOptions<GatewayOptions>
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
        var failures = UnknownKeys(name, section).Concat(HostFailures(options, section)).ToList();
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

    /// <summary>Keys in the gateway's section that bind nothing: a misspelt key would otherwise be ignored silently.</summary>
    private IEnumerable<string> UnknownKeys(string name, string path)
    {
        var section = registry.ExplicitSectionOf(name) ?? configuration?.GetSection(path);
        if (section is null)
        {
            return [];
        }

        // The unnamed gateway's section also holds the named ones, each checked on its own.
        var nested = name.Length == 0 ? "Gateways" : null;
        return section.AsEnumerable(makePathsRelative: true)
            .Select(pair => pair.Key)
            .Where(key => !KnownSettings.Contains(key) && !IsObject(section, key)
                && (nested is null || !(key.Equals(nested, StringComparison.OrdinalIgnoreCase)
                    || key.StartsWith(nested + ":", StringComparison.OrdinalIgnoreCase))))
            .Select(key => $"{path}:{key} is not a gateway setting (see hocon/reference.conf for the keys).");
    }

    /// <summary>True for an object key: its children are checked, and a misspelt one is reported through them.</summary>
    private static bool IsObject(IConfiguration section, string key) =>
        section.GetSection(key).GetChildren().Any() && section.GetSection(key).Value is null;

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
