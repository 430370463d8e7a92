using ActorGateway.Protocol.Messages;
using ActorGateway.TestKit;
using ActorGateway.Tests.Support;

namespace ActorGateway.Tests.Session;

public sealed class SymbolCacheTests
{
    [Fact]
    public async Task SymbolChangedEvent_makes_the_next_call_ask_the_server_again()
    {
        await using var harness = new SessionHarness();
        var first = harness.Session.GetSymbolAsync(SessionHarness.Account, 4);
        var server = await harness.Transport.AcceptAsync();
        await SessionHarness.AnswerApplicationAuthAsync(server);
        await SessionHarness.AnswerFirstAccountAuthAsync(server);
        await SessionHarness.AnswerAsync<ProtoOASymbolByIdReq>(server, Symbol(digits: 5));
        Assert.Equal(5, (await first.OrTimeout()).Digits);
        Assert.Equal(5, (await harness.Session.GetSymbolAsync(SessionHarness.Account, 4).OrTimeout()).Digits); // from the cache

        await server.SendAsync(new ProtoOASymbolChangedEvent { CtidTraderAccountId = SessionHarness.Account, SymbolId = { 4 } });
        // A round trip after the event: the client handles frames in order, so the cache has heard of the change.
        var barrier = harness.Session.GetVersionAsync();
        await SessionHarness.AnswerAsync<ProtoOAVersionReq>(server, new ProtoOAVersionRes { Version = "91" });
        await barrier.OrTimeout();
        var refreshed = harness.Session.GetSymbolAsync(SessionHarness.Account, 4);
        await SessionHarness.AnswerAsync<ProtoOASymbolByIdReq>(server, Symbol(digits: 3));

        Assert.Equal(3, (await refreshed.OrTimeout()).Digits);
    }

    private static ProtoOASymbolByIdRes Symbol(int digits) => new()
    {
        CtidTraderAccountId = SessionHarness.Account,
        Symbol = { new ProtoOASymbol { SymbolId = 4, Digits = digits, PipPosition = digits - 1 } },
    };
}
