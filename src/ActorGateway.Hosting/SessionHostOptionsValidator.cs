using ActorGateway.Hocon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ActorGateway.Hosting;

/// <summary>
/// Checks a hosted session's credentials when the host starts: each required one is there, and no secret was written
/// in a configuration file (JSON, or a HOCON value of its own rather than <c>${?VARIABLE}</c>). Messages name the key
/// and the environment variable to use, never a value.
/// </summary>
internal sealed class SessionHostOptionsValidator(GatewayRegistry registry, IConfiguration? configuration = null)
    : IValidateOptions<SessionHostOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is null || !registry.Contains(name) || !registry.IsSession(name))
        {
            return ValidateOptionsResult.Skip;
        }

        var section = $"{registry.SectionOf(name)}:Session";
        var failures = new List<string>();
        Require(options.ClientId, $"{section}:ClientId", "ACTORGATEWAY_CLIENT_ID", failures);
        Require(options.ClientSecret, $"{section}:ClientSecret", "ACTORGATEWAY_CLIENT_SECRET", failures);
        Require(options.AccessToken, $"{section}:AccessToken", "ACTORGATEWAY_ACCESS_TOKEN", failures);
        foreach (var (property, variable) in SessionHostOptions.Secrets)
        {
            var key = $"{section}:{property}";
            if (WrittenInFile(key) is { } provider)
            {
                failures.Add($"{key} is a secret and must come from the environment, not a file ({provider}): write "
                    + $"{Kebab(property)} = ${{?{variable}}} in HOCON, or set {key.Replace(":", "__", StringComparison.Ordinal)}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(string? value, string key, string variable, List<string> failures)
    {
        if (string.IsNullOrEmpty(value))
        {
            failures.Add($"{key} is required (reference.conf reads it from {variable}).");
        }
    }

    /// <summary>The provider whose file holds the key's value, when the value that wins was written in a file.</summary>
    private string? WrittenInFile(string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        // The last provider that has the key is the one whose value binds.
        var provider = root.Providers.LastOrDefault(p => p.TryGet(key, out var value) && value is not null);
        return provider is not null && provider.IsWrittenInFile(key) ? provider.ToString() : null;
    }

    private static string Kebab(string property) =>
        string.Concat(property.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));
}
