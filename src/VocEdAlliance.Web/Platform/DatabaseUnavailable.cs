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
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsCause):
                    return true;
            }
        }
        return false;
    }
}
