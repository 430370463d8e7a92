using ActorGateway.Cli.Cluster;
using ActorGateway.Cli.Common;

namespace ActorGateway.Cli.Tests.Cluster;

/// <summary>Account lists: ids and ranges read, the shortest form written, and the two agree.</summary>
public sealed class AccountListTests
{
    [Fact]
    public void Ids_and_ranges_are_read_in_order_without_repeats()
    {
        Assert.Equal([3001L, 3002, 7, 8, 9], AccountList.Parse("3001, 3002,7-9,8"));
    }

    [Fact]
    public void The_written_form_reads_back_to_the_same_accounts()
    {
        long[] accounts = [1, 2, 3, 5, 9, 10];

        var text = AccountList.Format(accounts);

        Assert.Equal("1-3,5,9-10", text);
        Assert.Equal(accounts, AccountList.Parse(text));
    }

    [Fact]
    public void A_range_beyond_the_most_a_node_runs_is_refused_without_allocating_it()
    {
        var error = Assert.Throws<CliException>(() => AccountList.Parse("1-1000000000"));

        Assert.Contains("at most 100,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_settings_become_a_command_line_that_names_every_setting()
    {
        var settings = new ClusterSoakSettings { Nodes = 3, Accounts = 20 }.NodeFor(1, [4101, 4102, 4103], "127.0.0.1:5999");

        var args = settings.ToArguments();

        Assert.Equal(["cluster", "node"], args.Take(2));
        Assert.Equal("4102", args[args.ToList().IndexOf("--port") + 1]);
        Assert.Equal("1-20", args[args.ToList().IndexOf("--accounts") + 1]);
        Assert.Equal("3", args[args.ToList().IndexOf("--min-account-nodes") + 1]);
        Assert.Contains("--plain", args);
        Assert.Equal(string.Join(',', new[] { 4101, 4102, 4103 }.Select(p => $"akka.tcp://actorgateway@127.0.0.1:{p}")),
            args[args.ToList().IndexOf("--seeds") + 1]);
    }
}
