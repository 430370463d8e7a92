using ActorGateway.Cluster.Lease;
using ActorGateway.Cluster.Tests.Support;
using Akka.Configuration;
using Akka.Coordination;
using Akka.Event;

namespace ActorGateway.Cluster.Tests;

/// <summary>
/// The PostgreSQL lease against a real server: one owner at a time, taken over only after the database's expiry, renewed
/// while held, released only by its owner and within a bound, and judged valid locally on an injected clock.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class LeaseTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Name = "actorgateway-shard-account-1";
    private static readonly TimeSpan Bound = TestTimeouts.Dilated(TimeSpan.FromSeconds(20));
    private readonly List<IAsyncDisposable> _cleanup = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var item in Enumerable.Reverse(_cleanup))
        {
            await item.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_second_owner_gets_the_lease_only_after_it_expired_by_the_databases_clock()
    {
        var options = postgres.NewOptions(timeToLive: TimeSpan.FromSeconds(1));
        options.SafetyMargin = TimeSpan.FromMilliseconds(200);
        var store = Store(options);

        Assert.True(await store.TryAcquireAsync(Name, "a:1"));
        Assert.False(await store.TryAcquireAsync(Name, "b:2"));
        Assert.True(await store.TryAcquireAsync(Name, "a:1"));
        var heldByA = Assert.Single(await store.ReadAllAsync());

        await Eventually.MatchAsync(() => store.TryAcquireAsync(Name, "b:2"), taken => taken, Bound, "b taking the lease");

        var heldByB = Assert.Single(await store.ReadAllAsync());
        Assert.Equal(("a:1", "b:2"), (heldByA.Owner, heldByB.Owner));
        Assert.True(heldByB.AcquiredAt >= heldByA.ExpiresAt, $"b took it at {heldByB.AcquiredAt:O}, before a's expiry {heldByA.ExpiresAt:O}");
        Assert.False(await store.TryRenewAsync(Name, "a:1"));
    }

    [Fact]
    public async Task The_holder_renews_every_third_of_the_ttl_and_keeps_others_out()
    {
        var clock = new FakeTimeProvider();
        var options = postgres.NewOptions(clock, TimeSpan.FromSeconds(3));
        var store = Store(options);
        var lease = Lease(store, "a:1");

        Assert.True(await lease.Acquire());
        var first = Assert.Single(await store.ReadAllAsync());
        clock.Advance(options.RenewInterval);

        var renewed = await Eventually.MatchAsync(async () => Assert.Single(await store.ReadAllAsync()),
            row => row.ExpiresAt > first.ExpiresAt, Bound, "the renewal reaching the database");
        Assert.Equal(first.AcquiredAt, renewed.AcquiredAt);
        Assert.True(lease.CheckLease());
        Assert.False(await store.TryAcquireAsync(Name, "b:2"));
    }

    [Fact]
    public async Task Release_is_guarded_by_the_owner()
    {
        var store = Store(postgres.NewOptions());
        var lease = Lease(store, "a:1");
        Assert.True(await lease.Acquire());

        Assert.False(await Lease(store, "b:2").Release());
        Assert.True(Assert.Single(await store.ReadAllAsync()).Held);
        Assert.False(await store.TryAcquireAsync(Name, "b:2"));

        Assert.True(await lease.Release());
        Assert.False(lease.CheckLease());
        Assert.True(await store.TryAcquireAsync(Name, "b:2"));
    }

    [Fact]
    public async Task CheckLease_lapses_on_the_local_clock_when_renewals_fail_and_then_the_lease_is_lost()
    {
        var clock = new FakeTimeProvider();
        var options = postgres.NewOptions(clock);
        // Room for the first connection and the table's creation on a loaded machine; the stalled renewal waits this long.
        options.OperationTimeout = TestTimeouts.Dilated(TimeSpan.FromSeconds(2));
        var lease = Lease(Store(options), "a:1");
        var lost = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(await lease.Acquire(e => lost.TrySetResult(e)));
        await using var stall = await postgres.StallAsync(options.TableName);

        clock.Advance(options.TimeToLive - options.SafetyMargin - TimeSpan.FromMilliseconds(1));
        Assert.True(lease.CheckLease());
        Assert.False(lost.Task.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(lease.CheckLease());
        // The renewal that fired on the way waits on the stalled table and fails at its timeout; should it have failed before
        // the deadline (a slow test thread), the next one, due within this advance, fails after it.
        clock.Advance(options.RenewInterval);

        var reason = await lost.Task.WaitAsync(Bound);
        Assert.IsType<LeaseTimeoutException>(reason);
        Assert.False(lease.CheckLease());
    }

    [Fact]
    public async Task A_renewal_that_finds_the_row_taken_loses_the_lease_at_once()
    {
        var clock = new FakeTimeProvider();
        var options = postgres.NewOptions(clock);
        var store = Store(options);
        var lease = Lease(store, "a:1");
        var lost = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(await lease.Acquire(e => lost.TrySetResult(e)));
        // As if a's node had been frozen past the expiry: the row expires and b takes it.
        await postgres.ExecuteAsync($"UPDATE {options.TableName} SET expires_at = now() - interval '1 second'");
        Assert.True(await store.TryAcquireAsync(Name, "b:2"));

        clock.Advance(options.RenewInterval);

        var reason = await lost.Task.WaitAsync(Bound);
        Assert.Contains("another owner", reason.Message, StringComparison.Ordinal);
        Assert.False(lease.CheckLease());
        Assert.Equal("b:2", Assert.Single(await store.ReadAllAsync()).Owner);
    }

    [Fact]
    public async Task Release_returns_within_its_operation_timeout_when_the_database_stalls()
    {
        var options = postgres.NewOptions();
        // Room for the first connection and the table's creation on a loaded machine...
        options.OperationTimeout = TestTimeouts.Dilated(TimeSpan.FromSeconds(5));
        var lease = Lease(Store(options), "a:1");
        Assert.True(await lease.Acquire());
        // ...then the bound under test (the store reads it at each operation).
        options.OperationTimeout = TimeSpan.FromMilliseconds(500);
        await using var stall = await postgres.StallAsync(options.TableName);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(await lease.Release().WaitAsync(Bound));

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500) + TestTimeouts.Dilated(TimeSpan.FromSeconds(2)), $"took {clock.Elapsed}");
        Assert.False(lease.CheckLease());
    }

    [Fact]
    public async Task The_password_appears_in_no_message()
    {
        const string secret = "s3cr3t-Pa55";
        var options = postgres.NewOptions();
        // A port nothing listens on: every operation fails.
        options.ConnectionString = $"Host=127.0.0.1;Port=1;Username=gateway;Password={secret};Timeout=1";
        options.OperationTimeout = TimeSpan.FromSeconds(1);

        var failure = await Assert.ThrowsAsync<LeaseException>(() => Lease(Store(options), "a:1").Acquire());
        var invalid = Assert.Throws<ArgumentException>(() =>
            new AccountLeaseOptions { ConnectionString = $"Host=x;Password={secret};Nonsense Key=1" }.Validate());

        Assert.DoesNotContain(secret, failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, invalid.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("postgresql://127.0.0.1:1/", options.ToString(), StringComparison.Ordinal);
    }

    private PostgresLeaseStore Store(AccountLeaseOptions options)
    {
        var store = new PostgresLeaseStore(options);
        _cleanup.Add(store);
        return store;
    }

    private PostgresLease Lease(PostgresLeaseStore store, string owner)
    {
        var o = store.Options;
        var lease = new PostgresLease(new LeaseSettings(Name, owner, new TimeoutSettings(o.RenewInterval, o.TimeToLive, o.OperationTimeout),
            Config.Empty), store, NoLogger.Instance);
        _cleanup.Add(new Stop(lease));
        return lease;
    }

    private sealed class Stop(PostgresLease lease) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lease.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
