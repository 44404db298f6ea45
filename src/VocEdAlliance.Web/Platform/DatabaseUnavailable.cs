using System.Net.Sockets;
using Npgsql;

namespace VocEdAlliance.Web.Platform;

/// <summary>Tells a failure to reach PostgreSQL (answered with 503, and over once the database is back) from a bug
/// (answered with 500).</summary>
public static class DatabaseUnavailable
{
    public static bool IsCause(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                // The server going away under an open connection: shut down by its operator (57P01 admin_shutdown,
                // 57P02 crash_shutdown, 57P03 cannot_connect_now) or the connection lost (class 08).
                case PostgresException { SqlState: var state } when state.StartsWith("57P", StringComparison.Ordinal)
                                                                   || state.StartsWith("08", StringComparison.Ordinal):
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsCause):
                    return true;
            }
        }
        return false;
    }
}
