using Npgsql;

namespace VocEdAlliance.IntegrationTests.Infrastructure;

/// <summary>The PostgreSQL server the tests may create and drop databases on: the throwaway cluster scripts/test
/// starts (<c>VOCED_TEST_POSTGRES</c>). Every fixture makes its own database and drops it when done.</summary>
public static class TestPostgres
{
    private const string Variable = "VOCED_TEST_POSTGRES";

    public static NpgsqlConnectionStringBuilder Server()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with scripts/test (it starts a throwaway PostgreSQL), or set " +
                $"{Variable} to a server where the tests may create and drop databases, e.g. Host=127.0.0.1;Port=5432;Username=postgres");
        }
        return new NpgsqlConnectionStringBuilder(server);
    }

    public static string NewDatabaseName() => $"voced_test_{Guid.NewGuid():N}";

    public static string ConnectionString(string database, int? port = null)
    {
        var builder = Server();
        builder.Database = database;
        if (port is { } p)
        {
            builder.Port = p;
        }
        return builder.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
