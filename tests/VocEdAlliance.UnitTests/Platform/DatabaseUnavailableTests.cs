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
