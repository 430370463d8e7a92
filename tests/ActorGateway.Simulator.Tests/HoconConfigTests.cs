using ActorGateway.Hocon;
using ActorGateway.Simulator.Hosting;

namespace ActorGateway.Simulator.Tests;

public sealed class HoconConfigTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sim-conf-").FullName;

    [Fact]
    public void Config_file_in_hocon_binds_its_simulator_section_and_flags_override_it()
    {
        var path = Write("sim.conf", """
            // a gateway section in the same file is ignored by the simulator
            actor-gateway.port = 1
            simulator {
              port = 6000
              seed = 5
              idle-timeout = 1m
              rate-limits { style = BlockPayloadType, requests-per-second = 20, block-duration = 1500ms }
              credentials {
                client-id = mine
                tokens = [ { access-token = a, refresh-token = r, account-ids = [7] } ]
              }
              faults.never-answer = [2121]
            }
            """);

        var options = Resolve("--config", path, "--seed", "11");

        Assert.Equal((6000, 11, TimeSpan.FromMinutes(1)), (options.Port, options.Seed, options.IdleTimeout));
        Assert.Equal((RateLimitStyle.BlockPayloadType, 20, TimeSpan.FromMilliseconds(1500)),
            (options.RateLimits.Style, options.RateLimits.RequestsPerSecond, options.RateLimits.BlockDuration));
        Assert.Equal("mine", options.Credentials.ClientId);
        Assert.Equal([7L], options.Credentials.Tokens.Single().AccountIds);
        Assert.Equal([2121u], options.Faults.NeverAnswer);
    }

    [Fact]
    public void Config_file_in_hocon_with_bad_syntax_names_file_line_and_column()
    {
        var path = Write("broken.conf", "simulator {\n  port = 6000\n  seed = [1\n");

        var error = Assert.Throws<HoconParseException>(() => Resolve("--config", path));

        Assert.Equal(path, error.File);
        Assert.True(error.Line >= 3, $"line {error.Line}");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static SimulatorOptions Resolve(params string[] args) =>
        SimulatorCommandLine.Resolve(SimulatorCommandLine.Build((_, _, _) => Task.FromResult(0)).Parse(args));
}
