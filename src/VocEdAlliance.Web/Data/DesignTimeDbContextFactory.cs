using Microsoft.EntityFrameworkCore.Design;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.Web.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database or the web host.
/// <c>dotnet ef database update</c> takes a real one from <c>--connection</c> or <c>ConnectionStrings__Default</c>.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = "Host=127.0.0.1;Database=vocedalliance_design;Username=postgres";
        }
        return PortalDatabase.CreateSystemContext(connectionString);
    }
}
