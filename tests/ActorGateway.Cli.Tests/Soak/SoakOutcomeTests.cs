using ActorGateway.Cli.Soak;
using ActorGateway.Session;

namespace ActorGateway.Cli.Tests.Soak;

/// <summary>How an order call's ending is judged, and how outcomes are named in the report.</summary>
public sealed class SoakOutcomeTests
{
    public static TheoryData<Exception?, string> Verdicts => new()
    {
        { null, nameof(OrderVerdict.Succeeded) },
        { new GatewayConnectionException(ConnectionFailureKind.ConnectionLost, "lost", written: true), nameof(OrderVerdict.Unknown) },
        { new GatewayConnectionException(ConnectionFailureKind.ServerClosed, "closed", written: true), nameof(OrderVerdict.Unknown) },
        { new GatewayConnectionException(ConnectionFailureKind.NotConnected, "never sent"), nameof(OrderVerdict.Failed) },
        { new GatewayTimeoutException("order", TimeSpan.FromSeconds(1), written: true), nameof(OrderVerdict.Unknown) },
        { new GatewayTimeoutException("order", TimeSpan.FromSeconds(1), written: false), nameof(OrderVerdict.Failed) },
        { new GatewayRejectedException(2132, "TRADING_BAD_VOLUME", null), nameof(OrderVerdict.Failed) },
        { new GatewayAccountException(3001, AccountFailureKind.NotGranted, "not granted"), nameof(OrderVerdict.Failed) },
        { new InvalidOperationException("no word on the order"), nameof(OrderVerdict.Unknown) },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void An_order_is_unknown_exactly_when_it_may_have_been_written(Exception? error, string expected) =>
        Assert.Equal(expected, SoakOutcome.VerdictOf(error).ToString());

    [Fact]
    public void Outcome_names_say_the_exception_its_kind_and_whether_the_request_was_written()
    {
        Assert.Equal("reply", SoakOutcome.Name(null));
        Assert.Equal("GatewayConnectionException ConnectionLost written",
            SoakOutcome.Name(new GatewayConnectionException(ConnectionFailureKind.ConnectionLost, "lost", written: true)));
        Assert.Equal("GatewayTimeoutException not-written",
            SoakOutcome.Name(new GatewayTimeoutException("version", TimeSpan.FromSeconds(1), written: false)));
        Assert.Equal("GatewayRejectedException TRADING_BAD_VOLUME",
            SoakOutcome.Name(new GatewayRejectedException(2132, "TRADING_BAD_VOLUME", null)));
        Assert.Equal("untyped InvalidOperationException", SoakOutcome.Name(new InvalidOperationException("x")));
        Assert.True(SoakOutcome.IsUntyped(new InvalidOperationException("x")));
        Assert.False(SoakOutcome.IsUntyped(new GatewayRejectedException(50, "INVALID_REQUEST", null)));
    }

    [Fact]
    public void The_tally_counts_a_second_completion_of_a_request_apart_and_never_as_an_outcome()
    {
        var tally = new SoakTally(2);

        tally.Record(0, SoakRequestKind.Version, null);
        tally.Record(0, SoakRequestKind.Version, null);
        tally.Record(1, SoakRequestKind.MarketOrder, new InvalidOperationException("x"));

        Assert.Equal(1, tally.CompletedTwice);
        Assert.Equal(2, tally.Completed.Value);
        Assert.Equal(1, tally.Untyped);
        Assert.Equal([KeyValuePair.Create("reply", 1L), KeyValuePair.Create("untyped InvalidOperationException", 1L)], tally.Outcomes());
    }

    [Fact]
    public void The_mix_sends_two_orders_in_every_twenty_requests_with_labels_of_their_own()
    {
        var kinds = Enumerable.Range(0, 20).Select(SoakWorkload.KindOf).ToList();

        Assert.Equal(7, kinds.Count(k => k == SoakRequestKind.Version));
        Assert.Equal(4, kinds.Count(k => k == SoakRequestKind.Symbols));
        Assert.Equal(7, kinds.Count(k => k == SoakRequestKind.Trendbars));
        Assert.Equal(2, kinds.Count(k => k == SoakRequestKind.MarketOrder));
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(i => SoakWorkload.LabelOf("r", i)).Distinct().Count());
        Assert.Equal(SoakExchange.Accounts, Enumerable.Range(0, 40).Select(SoakWorkload.AccountOf).Distinct().Order());
    }
}
