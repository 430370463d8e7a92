using System.Globalization;
using Npgsql;

namespace ActorGateway.Cluster.Lease;

/// <summary>
/// The lease each account shard holds in PostgreSQL while it runs, so that at most one node writes an account's orders.
/// A node that stops renewing it (frozen, cut off, crashed) is fenced once <see cref="TimeToLive"/> minus
/// <see cref="SafetyMargin"/> has passed on its own monotonic clock; another node takes the shard over only after the row
/// in the database has expired, <see cref="TimeToLive"/> after its last renewal. So the TTL is also the longest a crashed
/// node's accounts stay down: a shorter one fails over faster and lapses sooner when the database or the node stalls.
/// </summary>
public sealed class AccountLeaseOptions
{
    /// <summary>The PostgreSQL connection string (required). Its password is never logged nor shown by <see cref="ToString"/>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>How long a lease holds without renewal (default 5 s); renewed every third of it.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How much sooner than <see cref="TimeToLive"/> the holder stops trusting its lease (default 1 s): it covers the time a
    /// renewal takes to reach the database and the drift between this node's clock rate and the database's.
    /// </summary>
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one database operation (acquire, renew, release) may take before it counts as failed (default 2 s).</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How soon a shard asks again for a lease another node still holds (default 0.5 s): part of failover.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The table of leases, one row each; created if missing (default <c>actorgateway_leases</c>).</summary>
    public string TableName { get; set; } = "actorgateway_leases";

    /// <summary>
    /// The clock the lease measures its validity with (default <see cref="System.TimeProvider.System"/>, monotonic) and
    /// schedules its renewals on; tests pass a fake one to let a lease lapse without waiting.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How often the holder renews: a third of <see cref="TimeToLive"/>, so two renewals may fail before it lapses.</summary>
    public TimeSpan RenewInterval => TimeToLive / 3;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message names it (never the password).</exception>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(ConnectionString), nameof(ConnectionString), "is required");
        try
        {
            _ = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException)
        {
            // Not the parser's message: it may quote the string, password included.
            Require(false, nameof(ConnectionString), "is not a valid PostgreSQL connection string");
        }

        Require(TimeToLive >= TimeSpan.FromSeconds(1), nameof(TimeToLive), "must be at least 1 s");
        Require(SafetyMargin >= TimeSpan.Zero && SafetyMargin < TimeToLive - RenewInterval, nameof(SafetyMargin),
            "must be at least 0 and leave more than one renewal interval (a third of the TTL) of the TTL");
        Require(OperationTimeout > TimeSpan.Zero, nameof(OperationTimeout), "must be positive");
        Require(RetryInterval > TimeSpan.Zero, nameof(RetryInterval), "must be positive");
        Require(IsPlainName(TableName), nameof(TableName), "must be letters, digits and underscores, starting with a letter");
        Require(TimeProvider is not null, nameof(TimeProvider), "is required");
    }

    /// <summary>The settings, with the database named by host, port and database only: no user, no password.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"lease in {DescribeDatabase()} table {TableName}, ttl {TimeToLive.TotalSeconds:0.###} s, margin {SafetyMargin.TotalSeconds:0.###} s, " +
        $"operation timeout {OperationTimeout.TotalSeconds:0.###} s, retry {RetryInterval.TotalSeconds:0.###} s");

    /// <summary>Host, port and database of the connection string, safe to log.</summary>
    internal string DescribeDatabase()
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            return string.Create(CultureInfo.InvariantCulture, $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}");
        }
        catch (ArgumentException)
        {
            return "postgresql (invalid connection string)";
        }
    }

    private static bool IsPlainName(string name) =>
        name is { Length: > 0 and <= 63 } && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static void Require(bool ok, string name, string what)
    {
        if (!ok)
        {
            throw new ArgumentException($"AccountLeaseOptions.{name} {what}.", name);
        }
    }
}
