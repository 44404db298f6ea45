using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VocEdAlliance.Web.Data;

namespace VocEdAlliance.IntegrationTests.Infrastructure;

/// <summary>A portal on a database of its own, for tests whose expectations need a dataset nothing else writes to
/// (totals, counts). With or without the demo data.</summary>
public abstract class DedicatedPortal(bool seedDemo, DateTimeOffset? clock = null, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    private readonly string database = TestPostgres.NewDatabaseName();

    public PortalFactory Factory { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Factory = new PortalFactory(TestPostgres.ConnectionString(database), seedDemo, settings, clock);
        _ = Factory.Server;
        await ArrangeAsync();
    }

    /// <summary>Adds what the tests expect, before any test runs.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    public async Task<T> WithDatabaseAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().UseSystemScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<ApplicationUser> CreateUserAsync(string role, Guid? organisationId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"user-{Guid.NewGuid():N}@test.local";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "汇总测试", OrganisationId = organisationId };
        Assert.True((await users.CreateAsync(user, PortalFixture.TestPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    public async Task<PortalSession> SignedInAsync(ApplicationUser user)
    {
        var session = new PortalSession(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await session.SignInAsync(user.Email!, PortalFixture.TestPassword);
        return session;
    }

    public async Task<PortalSession> SignedInAsync(string demoEmail)
    {
        var session = new PortalSession(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await session.SignInAsync(demoEmail, DemoAccounts.Password);
        return session;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(database);
        GC.SuppressFinalize(this);
    }
}
