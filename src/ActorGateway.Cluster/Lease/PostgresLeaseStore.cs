using Npgsql;

namespace ActorGateway.Cluster.Lease;

/// <summary>
/// The lease table in PostgreSQL: one row per lease (name, owner, expires_at, acquired_at). Expiry is always computed by
/// the database's clock (<c>now()</c>), so the nodes' wall clocks never decide who holds a lease. Every operation is
/// bounded by <see cref="AccountLeaseOptions.OperationTimeout"/>; the table is created on first use.
/// </summary>
internal sealed class PostgresLeaseStore : IAsyncDisposable
{
    // 42P07: the table exists; 23505 on pg_type: another node created it at the same moment.
    private static readonly string[] ConcurrentCreate = ["42P07", "23505"];
    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private readonly string _acquire;
    private readonly string _renew;
    private readonly string _release;
    private readonly string _read;
    private readonly string _create;
    private volatile bool _created;

    public PostgresLeaseStore(AccountLeaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        var table = options.TableName;
        _create = $"CREATE TABLE IF NOT EXISTS {table} (name text PRIMARY KEY, owner text NOT NULL, " +
            "expires_at timestamptz NOT NULL, acquired_at timestamptz NOT NULL)";
        // Taken when free (expired) or already ours; acquired_at only moves when the owner changes or had let it expire.
        _acquire = $"""
            INSERT INTO {table} AS l (name, owner, expires_at, acquired_at) VALUES (@name, @owner, now() + @ttl, now())
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at,
              acquired_at = CASE WHEN l.owner = excluded.owner AND l.expires_at > now() THEN l.acquired_at ELSE excluded.acquired_at END
            WHERE l.expires_at <= now() OR l.owner = excluded.owner
            """;
        // Renewal needs the row to still be ours: a lease another node took (and perhaps released since) is lost for good.
        _renew = $"UPDATE {table} SET expires_at = now() + @ttl WHERE name = @name AND owner = @owner";
        _release = $"UPDATE {table} SET expires_at = LEAST(expires_at, now()) WHERE name = @name AND owner = @owner";
        _read = $"SELECT name, owner, expires_at, acquired_at, expires_at > now() FROM {table} ORDER BY name";
    }

    public AccountLeaseOptions Options { get; }

    /// <summary>Takes the lease for <paramref name="owner"/> if it is free or already theirs; false if another owner holds it.</summary>
    public Task<bool> TryAcquireAsync(string name, string owner, CancellationToken cancellationToken = default) =>
        ExecuteAsync(_acquire, name, owner, Options.TimeToLive, cancellationToken);

    /// <summary>Extends the lease by the TTL if <paramref name="owner"/> still holds the row; false if it does not.</summary>
    public Task<bool> TryRenewAsync(string name, string owner, CancellationToken cancellationToken = default) =>
        ExecuteAsync(_renew, name, owner, Options.TimeToLive, cancellationToken);

    /// <summary>Lets the lease expire now if <paramref name="owner"/> holds it; false if the row is another owner's.</summary>
    public Task<bool> TryReleaseAsync(string name, string owner, CancellationToken cancellationToken = default) =>
        ExecuteAsync(_release, name, owner, null, cancellationToken);

    /// <summary>Every lease row as the database sees it now: for diagnostics, tests and the soak.</summary>
    public async Task<IReadOnlyList<LeaseRow>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        using var bound = Bound(cancellationToken);
        await EnsureTableAsync(bound.Token).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(_read);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(bound.Token).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var rows = new List<LeaseRow>();
        while (await reader.ReadAsync(bound.Token).ConfigureAwait(false))
        {
            rows.Add(new LeaseRow(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetBoolean(4)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _createGate.Dispose();
    }

    private async Task<bool> ExecuteAsync(string sql, string name, string owner, TimeSpan? ttl, CancellationToken cancellationToken)
    {
        using var bound = Bound(cancellationToken);
        await EnsureTableAsync(bound.Token).ConfigureAwait(false);
        var command = _dataSource.CreateCommand(sql);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("owner", owner);
        if (ttl is { } t)
        {
            command.Parameters.AddWithValue("ttl", t);
        }

        return await command.ExecuteNonQueryAsync(bound.Token).ConfigureAwait(false) == 1;
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _createGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_created)
            {
                var command = _dataSource.CreateCommand(_create);
                await using var commandScope = command.ConfigureAwait(false);
                try
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException e) when (ConcurrentCreate.Contains(e.SqlState))
                {
                    // Created by another node meanwhile: exactly what was wanted.
                }

                _created = true;
            }
        }
        finally
        {
            _createGate.Release();
        }
    }

    // Real time on purpose: an operation's bound must hold even when a test drives the lease's own clock by hand.
    private CancellationTokenSource Bound(CancellationToken cancellationToken)
    {
        var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(Options.OperationTimeout);
        return bound;
    }
}
