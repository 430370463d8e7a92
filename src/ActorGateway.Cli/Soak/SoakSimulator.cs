using ActorGateway.Simulator;

namespace ActorGateway.Cli.Soak;

/// <summary>
/// The simulator a soak runs against, in-process on 127.0.0.1: plain TCP, rate limits off, the accounts funded with a
/// billion at 1:500 so no order of a run fails for margin, and one token granting them all. Soak-only credentials, for a
/// server that lives and dies with the run.
/// </summary>
internal static class SoakSimulator
{
    /// <param name="prefix">Names the run's application and tokens (<c>{prefix}-application</c>...), so runs do not share them.</param>
    /// <param name="accounts">The accounts it knows.</param>
    /// <param name="traderLoginBase">Added to an account id to make its trader login.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<SimulatorServer> StartAsync(string prefix, IEnumerable<long> accounts, long traderLoginBase,
        CancellationToken cancellationToken)
    {
        var ids = accounts.ToArray();
        var server = new SimulatorServer(new SimulatorOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            UseTls = false,
            RateLimits = new RateLimitOptions { Enabled = false },
            Credentials = new CredentialOptions
            {
                ClientId = ClientId(prefix),
                ClientSecret = ClientSecret(prefix),
                Accounts = [.. ids.Select(id => new AccountOptions
                {
                    AccountId = id, TraderLogin = traderLoginBase + id, Balance = 1_000_000_000m, Leverage = 500,
                })],
                Tokens = [new TokenOptions { AccessToken = AccessToken(prefix), RefreshToken = $"{prefix}-refresh-token", AccountIds = [.. ids] }],
            },
        });
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    public static string ClientId(string prefix) => $"{prefix}-application";

    public static string ClientSecret(string prefix) => $"{prefix}-secret";

    public static string AccessToken(string prefix) => $"{prefix}-access-token";
}
