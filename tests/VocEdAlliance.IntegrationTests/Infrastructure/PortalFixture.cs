using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VocEdAlliance.IntegrationTests.Infrastructure;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Security;

[assembly: AssemblyFixture(typeof(PortalFixture))]

namespace VocEdAlliance.IntegrationTests.Infrastructure;

/// <summary>One database and one portal for the whole test assembly: created, migrated and seeded at the start,
/// dropped at the end. Tests that change shared state make their own users.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string TestPassword = "Test-Passw0rd-42";

    public string DatabaseName { get; } = TestPostgres.NewDatabaseName();
    public string ConnectionString => TestPostgres.ConnectionString(DatabaseName);
    public PortalFactory Factory { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new PortalFactory(ConnectionString);
        _ = Factory.Server; // starts the host: migrations, reference and demo data
        return ValueTask.CompletedTask;
    }

    public PortalSession NewSession() => new(Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

    /// <summary>A fresh account of its own for a test that changes it (password, lockout).</summary>
    public async Task<ApplicationUser> CreateUserAsync(string role, string password = TestPassword, Guid? organisationId = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"user-{Guid.NewGuid():N}@test.local";
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"测试用户 {email[5..13]}", OrganisationId = organisationId,
        };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>A session signed in as a demo account.</summary>
    public async Task<PortalSession> SignedInAsync(string email)
    {
        var session = NewSession();
        await session.SignInAsync(email, DemoAccounts.Password);
        return session;
    }

    /// <summary>A session signed in as an account a test made (<see cref="CreateUserAsync"/>).</summary>
    public async Task<PortalSession> SignedInAsync(ApplicationUser user)
    {
        var session = NewSession();
        await session.SignInAsync(user.Email!, TestPassword);
        return session;
    }

    /// <summary>A new education bureau (unique name) for a region, saved directly.</summary>
    public Task<EducationBureau> CreateBureauAsync(string regionCode, string name = "测试教育局") =>
        WithDatabaseAsync(async db =>
        {
            var bureau = db.Bureaus.Add(new EducationBureau($"{name} {Guid.NewGuid():N}"[..(name.Length + 9)], null, regionCode)).Entity;
            await db.SaveChangesAsync();
            return bureau;
        });

    /// <summary>A new bureau of a region and a staff account of it, signed in.</summary>
    public async Task<PortalSession> SignedInBureauStaffAsync(string regionCode, string name = "测试教育局")
    {
        var bureau = await CreateBureauAsync(regionCode, name);
        return await SignedInAsync(await CreateUserAsync(Roles.BureauStaff, organisationId: bureau.Id));
    }

    /// <summary>A pairing of two institutions, saved directly: recorded by the system (every side confirmed, active),
    /// or by a bureau (<paramref name="recorderKey"/>: its side confirmed, the other asked).</summary>
    public Task<Guid> CreatePairingAsync(Institution first, Institution second, string? recorderKey = null, Guid? recorderUserId = null, string? title = null) =>
        WithDatabaseAsync(async db =>
        {
            static PartyTerms Party(Institution i) => new(i.Id, i.Name, i.Type, i.Kind, i.RegionCode, null, null, null);
            var agreement = Agreement.Record(new AgreementTerms(AgreementKind.Pairing, title ?? $"测试结对 {Guid.NewGuid():N}"[..13], null, null,
                [Party(first), Party(second)], new DateOnly(2025, 1, 1), null, [CooperationMode.TeacherTraining], null, null),
                null, recorderKey, DateTimeOffset.UtcNow, recorderUserId ?? (await db.Users.FirstAsync()).Id);
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            return agreement.Id;
        });

    /// <summary>A fresh account with <paramref name="role"/>, already signed in.</summary>
    public async Task<(ApplicationUser User, PortalSession Session)> SignedInNewUserAsync(string role)
    {
        var user = await CreateUserAsync(role);
        var session = NewSession();
        await session.SignInAsync(user.Email!, TestPassword);
        return (user, session);
    }

    /// <summary>A new principal account for a school, signed in.</summary>
    public async Task<PortalSession> SignedInPrincipalAsync(Institution school)
    {
        var user = await CreateUserAsync(Roles.SchoolPrincipal, organisationId: school.Id);
        var session = NewSession();
        await session.SignInAsync(user.Email!, TestPassword);
        return session;
    }

    /// <summary>Arranges or checks data directly, past the access filter (the way start-up code does).</summary>
    public async Task<T> WithDatabaseAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().UseSystemScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A new institution (unique name) in a region, saved directly.</summary>
    public Task<Institution> CreateInstitutionAsync(string regionCode, string name = "测试学校", InstitutionKind kind = InstitutionKind.SecondaryVocationalSchool) =>
        WithDatabaseAsync(async db =>
        {
            var institution = new Institution($"{name} {Guid.NewGuid():N}"[..(name.Length + 9)], null,
                kind, Ownership.Public, regionCode, new InstitutionProfile(Enrolment: 800), 2026);
            db.Institutions.Add(institution);
            await db.SaveChangesAsync();
            return institution;
        });

    /// <summary>A pairing between two new schools in the given counties, with one activity, saved directly.</summary>
    public async Task<(Agreement Agreement, CooperationActivity Activity)> CreatePairingWithActivityAsync(string firstRegion, string secondRegion)
    {
        var first = await CreateInstitutionAsync(firstRegion, "结对甲校");
        var second = await CreateInstitutionAsync(secondRegion, "结对乙校");
        var recorder = (await CreateUserAsync(Roles.BureauStaff)).Id;
        return await WithDatabaseAsync(async db =>
        {
            PartyTerms Party(Institution i) => new(i.Id, i.Name, i.Type, i.Kind, i.RegionCode, null, null, null);
            var agreement = Agreement.Record(new AgreementTerms(AgreementKind.Pairing, $"测试结对 {Guid.NewGuid():N}"[..13], null, null,
                [Party(first), Party(second)], new DateOnly(2024, 1, 1), null, [CooperationMode.TeacherTraining], null, null),
                null, null, DateTimeOffset.UtcNow, recorder);
            var activity = CooperationActivity.Record(agreement, null, new ActivityDetails(ActivityKind.Visit, $"测试活动 {Guid.NewGuid():N}"[..13],
                new DateOnly(2024, 3, 1), null, null, null, new ActivityOutcomes(Participants: 20), null), recorder, DateTimeOffset.UtcNow);
            db.Agreements.Add(agreement);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return (agreement, activity);
        });
    }

    /// <summary>Gives an agreement a new end date (the way an edit of its terms would), directly.</summary>
    public Task<int> SetEndDateAsync(Guid agreementId, DateOnly end) =>
        WithDatabaseAsync(async db =>
        {
            var stored = await db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Id == agreementId);
            stored.ChangeTerms(new AgreementTerms(stored.Kind, stored.Title, null, stored.AllianceId,
                [.. stored.Parties.Select(p => new PartyTerms(p.OrganisationId, p.OrganisationName, p.OrganisationType, p.InstitutionKind, p.RegionCode, null, null, null))],
                stored.EffectiveFrom, end, stored.Modes, null, null), null, (await db.Users.FirstAsync()).Id, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(DatabaseName);
    }
}
