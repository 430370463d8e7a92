using ActorGateway.Simulator.Hosting;

namespace ActorGateway.Simulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Resolve_without_flags_gives_the_documented_defaults()
    {
        var options = Resolve();

        Assert.Equal(("127.0.0.1", 5035, true, 1), (options.Host, options.Port, options.UseTls, options.Seed));
        Assert.Equal(TimeSpan.FromSeconds(30), options.IdleTimeout);
        Assert.True(options.RateLimits.Enabled);
    }

    [Fact]
    public void Resolve_applies_every_flag()
    {
        var options = Resolve("--host", "0.0.0.0", "--port", "0", "--no-tls", "--cert", "c.pfx", "--seed", "9", "--drop-after", "4",
            "--drop-rate", "0.25", "--reply-delay-ms", "150", "--never-answer", "2104", "2121", "--no-rate-limits");

        Assert.Equal(("0.0.0.0", 0, false, "c.pfx", 9), (options.Host, options.Port, options.UseTls, options.CertificatePath,
            options.Seed));
        Assert.Equal((4, 0.25, TimeSpan.FromMilliseconds(150)), (options.Faults.DropAfterMessages, options.Faults.DropRate,
            options.Faults.ReplyDelay));
        Assert.Equal([2104u, 2121u], options.Faults.NeverAnswer);
        Assert.False(options.RateLimits.Enabled);
    }

    [Fact]
    public void Config_file_with_kebab_case_keys_is_bound_and_flags_override_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sim-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {
              "port": 6000,
              "seed": 5,
              "idle-timeout": "00:01:00",
              "rate-limits": { "style": "BlockPayloadType", "requests-per-second": 20 },
              "credentials": { "client-id": "mine", "tokens": [ { "access-token": "a", "refresh-token": "r", "account-ids": [ 7 ] } ] }
            }
            """);
        try
        {
            var options = Resolve("--config", path, "--seed", "11");

            Assert.Equal((6000, 11, TimeSpan.FromMinutes(1)), (options.Port, options.Seed, options.IdleTimeout));
            Assert.Equal((RateLimitStyle.BlockPayloadType, 20), (options.RateLimits.Style, options.RateLimits.RequestsPerSecond));
            Assert.Equal("mine", options.Credentials.ClientId);
            Assert.Equal([7L], options.Credentials.Tokens.Single().AccountIds);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static SimulatorOptions Resolve(params string[] args) =>
        SimulatorCommandLine.Resolve(SimulatorCommandLine.Build((_, _, _) => Task.FromResult(0)).Parse(args));
}
