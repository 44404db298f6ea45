using Microsoft.Extensions.DependencyInjection;
using VocEdAlliance.Web.Data;

namespace VocEdAlliance.IntegrationTests.Platform;

public class MigrationTests(PortalFixture portal)
{
    [Fact]
    public async Task The_model_has_no_change_that_no_migration_captures()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model differs from the last migration: add one with `dotnet ef migrations add <Name> --project src/VocEdAlliance.Web --output-dir Data/Migrations`.");
    }

    [Fact]
    public async Task Starting_the_portal_applies_every_migration_and_loads_the_roles()
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(
            ["BureauAdmin", "BureauStaff", "MinistryOfficial", "SchoolPrincipal", "SystemAdmin"],
            await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync(TestContext.Current.CancellationToken));
    }
}
