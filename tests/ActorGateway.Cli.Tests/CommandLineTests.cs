using ActorGateway.Cli.Common;
using ActorGateway.TestKit;

namespace ActorGateway.Cli.Tests;

/// <summary>Mistakes on the command line: one line, exit code 2, the user's words, never the parser's type names.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "demo", "--duration", "abc" }, "error: --duration takes a whole number, not 'abc'. (see 'actorgateway demo --help')")]
    [InlineData(new[] { "demo", "--seed", "1.5" }, "error: --seed takes a whole number, not '1.5'. (see 'actorgateway demo --help')")]
    [InlineData(new[] { "connect" },
        "error: actorgateway connect needs one of: version, accounts, symbols, spots, order (see 'actorgateway connect --help')")]
    [InlineData(new[] { "connect", "order", "EURUSD", "buy", "lots" },
        "error: volume takes a number, not 'lots'. (see 'actorgateway connect order --help')")]
    public async Task A_command_line_that_does_not_parse_exits_2_with_one_line(string[] args, string expected)
    {
        var (exitCode, output) = await CliRun.InvokeAsync(args).OrTimeout();

        Assert.Equal(2, exitCode);
        Assert.Equal(expected, output.Trim());
        Assert.DoesNotContain("System.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_usage_names_the_command_actorgateway()
    {
        var (exitCode, output) = await CliRun.InvokeAsync("--help").OrTimeout();

        Assert.Equal(0, exitCode);
        Assert.Contains("actorgateway [command] [options]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ActorGateway.Cli", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_help_names_the_credential_environment_variables()
    {
        var (exitCode, output) = await CliRun.InvokeAsync("connect", "--help").OrTimeout();

        Assert.Equal(0, exitCode);
        Assert.Contains("actorgateway connect", output, StringComparison.Ordinal);
        foreach (var variable in new[] { "ACTORGATEWAY_CLIENT_ID", "ACTORGATEWAY_CLIENT_SECRET", "ACTORGATEWAY_ACCESS_TOKEN" })
        {
            Assert.Contains(variable, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(true, false, "xterm-256color", false)]
    [InlineData(true, false, null, false)]
    [InlineData(true, false, "dumb", true)]
    [InlineData(true, true, "xterm-256color", true)]
    [InlineData(false, false, "xterm-256color", true)]
    public void Output_is_plain_unless_a_capable_terminal_is_watching(bool ansi, bool redirected, string? term, bool plain) =>
        Assert.Equal(plain, Terminal.IsPlain(ansi, redirected, term));
}
