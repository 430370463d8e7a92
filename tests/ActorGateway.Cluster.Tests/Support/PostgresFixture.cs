using ActorGateway.Cluster.Lease;
using Npgsql;

namespace ActorGateway.Cluster.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL server (<see cref="LocalPostgres"/>) for the lease tests, started once and deleted at the end.
/// Missing binaries fail the tests with the reason: the lease cannot be tested without a real database.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private LocalPostgres? _server;

    public LocalPostgres Server => _server ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public async Task InitializeAsync() =>
        _server = await LocalPostgres.StartAsync().WaitAsync(TestTimeouts.Dilated(TimeSpan.FromSeconds(60)));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Lease options on a table of its own (so tests never see each other's rows), against this server.</summary>
    public AccountLeaseOptions NewOptions(TimeProvider? clock = null, TimeSpan? timeToLive = null, string? user = null) => new()
    {
        ConnectionString = user is null ? Server.ConnectionString : Server.ConnectionStringFor(user),
        TableName = "leases_" + Guid.NewGuid().ToString("N")[..12],
        TimeToLive = timeToLive ?? TimeSpan.FromSeconds(5),
        TimeProvider = clock ?? TimeProvider.System,
        // A loaded machine can take seconds for a first connection; tests that time an operation set their own bound.
        OperationTimeout = TestTimeouts.Dilated(TimeSpan.FromSeconds(5)),
    };

    /// <summary>Runs one statement as the superuser.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A connection of the superuser's, open.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Server.ConnectionString);
        await connection.OpenAsync().WaitAsync(TestTimeouts.Default);
        return connection;
    }

    /// <summary>
    /// Locks <paramref name="table"/> until the returned handle is disposed: every lease operation on it then waits, as when
    /// the database stalls or cannot be reached.
    /// </summary>
    public async Task<IAsyncDisposable> StallAsync(string table)
    {
        var connection = await OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new Stall(connection, transaction);
    }

    private sealed class Stall(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
