namespace ActorGateway.Cluster.Tests.Support;

/// <summary>The tests that share the one PostgreSQL server; xunit runs them one class after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgres : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
