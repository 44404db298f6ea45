using System.Net.Sockets;
using Npgsql;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.UnitTests.Platform;

public class DatabaseUnavailableTests
{
    [Fact]
    public void A_refused_connection_deep_inside_an_EF_exception_means_the_database_is_unavailable()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
        var wrapped = new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused);

        Assert.True(DatabaseUnavailable.IsCause(wrapped));
    }

    [Fact]
    public void A_broken_socket_alone_means_the_database_is_unavailable()
    {
        Assert.True(DatabaseUnavailable.IsCause(new IOException("read failed", new SocketException((int)SocketError.ConnectionReset))));
    }

    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.CrashShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    [InlineData(PostgresErrorCodes.ConnectionFailure)]
    public void The_server_shutting_down_under_an_open_connection_means_the_database_is_unavailable(string state)
    {
        // pg_ctl stop (fast) ends every open connection with 57P01 before the server is gone (found by scripts/failover).
        var shutdown = new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", state);

        Assert.True(DatabaseUnavailable.IsCause(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", shutdown)));
    }

    [Fact]
    public void A_constraint_violation_is_a_bug_not_an_outage()
    {
        var duplicate = new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);

        Assert.False(DatabaseUnavailable.IsCause(new InvalidOperationException("save failed", duplicate)));
    }

    [Fact]
    public void An_ordinary_exception_is_not_an_outage()
    {
        Assert.False(DatabaseUnavailable.IsCause(new FormatException("not a date")));
        Assert.False(DatabaseUnavailable.IsCause(null));
    }
}
