using System.Collections;
using ActorGateway.Cli.Common;
using ActorGateway.Cli.Connect;
using ActorGateway.Hocon;
using ActorGateway.Hosting;
using ActorGateway.Simulator;
using Microsoft.Extensions.Configuration;

namespace ActorGateway.Cli.Tests;

/// <summary>hocon/reference.conf names every key of the options it documents, with the defaults the code has.</summary>
public sealed class ReferenceConfTests
{
    private static readonly IConfiguration Reference = new ConfigurationBuilder().AddHoconFile(CliConfiguration.ReferencePath).Build();

    public static TheoryData<string, Type> Sections => new()
    {
        { "actor-gateway", typeof(GatewayOptions) },
        { "actor-gateway", typeof(GatewayHostOptions) },
        { "actor-gateway.session", typeof(SessionHostOptions) },
        { "simulator", typeof(SimulatorOptions) },
        { "connect", typeof(ConnectSettings) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Reference_conf_has_a_key_for_every_option(string section, Type type)
    {
        var keys = Reference.GetSection(CliConfiguration.Key(section)).AsEnumerable(makePathsRelative: true)
            .Select(pair => pair.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = OptionPaths.Of(type).Select(p => p.Path).Where(path => !keys.Contains(path)).ToList();

        Assert.True(missing.Count == 0, $"{section} lacks: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Reference_conf_binds_to_the_defaults_of_the_code(string section, Type type)
    {
        var defaults = Activator.CreateInstance(type)!;
        var bound = Activator.CreateInstance(type)!;
        Reference.GetSection(CliConfiguration.Key(section)).Bind(bound);

        foreach (var (path, read) in OptionPaths.Of(type))
        {
            var (expected, actual) = (read(defaults), read(bound));
            if (expected is IEnumerable list and not string)
            {
                Assert.True(actual is IEnumerable other && list.Cast<object>().SequenceEqual(other.Cast<object>()), $"{section}:{path}");
            }
            else
            {
                Assert.True(Equals(expected, actual), $"{section}:{path}: reference.conf gives {actual}, the code {expected}");
            }
        }
    }

    [Fact]
    public void Reference_conf_sets_no_key_the_options_do_not_have()
    {
        var known = Sections.Select(row => CliConfiguration.Key((string)row[0]) + ":")
            .Zip(Sections.Select(row => (Type)row[1]))
            .SelectMany(s => OptionPaths.Of(s.Second).Select(p => (s.First + p.Path).ToUpperInvariant()))
            .ToHashSet();

        var unknown = Reference.AsEnumerable().Where(pair => pair.Value is not null && !known.Contains(pair.Key.ToUpperInvariant()))
            .Select(pair => pair.Key).ToList();

        Assert.True(unknown.Count == 0, $"unknown keys: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Demo_conf_gives_valid_named_gateways_for_both_environments()
    {
        var demo = new ConfigurationBuilder().AddHoconFile(Sample("demo.conf")).Build();

        foreach (var (name, host) in new[] { ("demo", OpenApiEndpoints.DemoHost), ("live", OpenApiEndpoints.LiveHost) })
        {
            var options = new GatewayOptions();
            demo.GetSection($"ActorGateway:Gateways:{name}").Bind(options);
            options.Validate();
            Assert.Equal([host], options.Hosts);
            Assert.Equal(10, options.Reconnect.MaxAttempts);
        }
    }

    [Fact]
    public void Simulator_conf_binds_valid_simulator_options()
    {
        var options = new SimulatorOptions();
        new ConfigurationBuilder().AddHoconFile(Sample("simulator.conf")).Build().GetSection("simulator").Bind(options);

        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Market.TickInterval);
        Assert.Equal(RateLimitStyle.BlockPayloadType, options.RateLimits.Style);
        Assert.Equal([1001L, 1002L], options.Credentials.Tokens.Single().AccountIds);
    }

    private static string Sample(string name) => Path.Combine(Path.GetDirectoryName(CliConfiguration.ReferencePath)!, name);
}
