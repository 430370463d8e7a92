using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests.Cluster;

/// <summary>Mistakes on the <c>cluster</c> command lines: one line, exit code 2, naming what is wrong, before anything starts.</summary>
public sealed class ClusterCommandLineTests
{
    private const string Seed = "akka.tcp://actorgateway@127.0.0.1:4053";

    [Theory]
    [InlineData(new[] { "--port", "0", "--seeds", Seed, "--client" }, "--port must be from 1 to 65535.")]
    [InlineData(new[] { "--port", "70000", "--seeds", Seed, "--client" }, "--port must be from 1 to 65535.")]
    [InlineData(new[] { "--port", "abc", "--seeds", Seed, "--client" }, "--port takes a whole number, not 'abc'.")]
    [InlineData(new[] { "--seeds", Seed, "--client" }, "--port")]
    [InlineData(new[] { "--port", "4053", "--client" }, "--seeds")]
    [InlineData(new[] { "--port", "4053", "--seeds", "127.0.0.1:4053", "--client" }, "--seeds: '127.0.0.1:4053' is not a node address")]
    [InlineData(new[] { "--port", "4053", "--seeds", "akka.tcp://other@127.0.0.1:4053", "--client" }, "is not a node address")]
    [InlineData(new[] { "--port", "4053", "--seeds", "akka.tcp://actorgateway@127.0.0.1:0", "--client" }, "is not a node address")]
    [InlineData(new[] { "--port", "4053", "--seeds", ",", "--client" }, "--seeds takes one or more addresses")]
    [InlineData(new[] { "--port", "4053", "--seeds", Seed, "--accounts", "1-3" }, "An account node needs --gateway HOST:PORT")]
    [InlineData(new[] { "--port", "4053", "--seeds", Seed, "--client", "--accounts", "1-3" }, "--client hosts no accounts")]
    [InlineData(new[] { "--port", "4053", "--seeds", Seed, "--accounts", "1-x", "--gateway", "127.0.0.1:5035" }, "--accounts: '1-x'")]
    [InlineData(new[] { "--port", "4053", "--seeds", Seed, "--accounts", "5-1", "--gateway", "127.0.0.1:5035" }, "--accounts: '5-1'")]
    [InlineData(new[] { "--port", "4053", "--seeds", Seed, "--accounts", "0", "--gateway", "127.0.0.1:5035" }, "--accounts: '0'")]
    [InlineData(new[] { "--port", "4053", "--seeds", Seed, "--accounts", "1", "--gateway", "127.0.0.1:0" }, "--gateway takes HOST:PORT")]
    [InlineData(new[] { "--port", "4053", "--seeds", Seed, "--client", "--heartbeat-ms", "0" }, "--heartbeat-ms must be at least 1.")]
    [InlineData(new[] { "--port", "4053", "--seeds", Seed, "--client", "--lease-ttl-ms", "500" }, "--lease-ttl-ms must be at least 1000")]
    [InlineData(new[] { "--port", "4053", "--seeds", Seed, "--client", "--akka-log-level", "LOUD" },
        "--akka-log-level takes DEBUG, INFO, WARNING or ERROR, not 'LOUD'.")]
    public async Task A_bad_node_command_line_is_one_line_and_exit_code_2(string[] args, string expected)
    {
        var (exitCode, output) = await CliRun.InvokeAsync(["cluster", "node", .. args]).OrTimeout();

        AssertOneBadInputLine(exitCode, output, expected);
    }

    [Theory]
    [InlineData(new[] { "--nodes", "1" }, "--nodes must be at least 2.")]
    [InlineData(new[] { "--accounts", "0" }, "--accounts must be at least 1.")]
    [InlineData(new[] { "--seconds", "0" }, "--seconds must be at least 1.")]
    [InlineData(new[] { "--kill", "-1" }, "--kill must be at least 0.")]
    [InlineData(new[] { "--nodes", "3", "--kill", "2", "--freeze", "1" }, "--kill plus --freeze must be fewer than --nodes")]
    [InlineData(new[] { "--nodes", "x" }, "--nodes takes a whole number, not 'x'.")]
    public async Task A_bad_soak_command_line_is_one_line_and_exit_code_2(string[] args, string expected)
    {
        var (exitCode, output) = await CliRun.InvokeAsync(["cluster", "soak", .. args]).OrTimeout();

        AssertOneBadInputLine(exitCode, output, expected);
    }

    [Fact]
    public async Task Cluster_alone_names_its_commands()
    {
        var (exitCode, output) = await CliRun.InvokeAsync("cluster").OrTimeout();

        AssertOneBadInputLine(exitCode, output, "actorgateway cluster needs one of: node, soak");
    }

    private static void AssertOneBadInputLine(int exitCode, string output, string expected)
    {
        Assert.True(exitCode == 2, $"exit code {exitCode}: {output}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, output);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("System.", output, StringComparison.Ordinal);
    }
}
