
namespace VocEdAlliance.IntegrationTests.Platform;

public class LoggingTests(PortalFixture portal)
{
    [Fact]
    public async Task Requests_are_logged_with_the_user_but_never_with_passwords_or_e_mail_addresses()
    {
        var user = await portal.CreateUserAsync(Roles.BureauStaff);
        const string wrongPassword = "Secret-Wrong-Passw0rd-913";
        using var session = portal.NewSession();

        await session.SignInAsync(user.Email!, wrongPassword);
        await session.SignInAsync(user.Email!, PortalFixture.TestPassword);
        await session.GetAsync("/Account/ChangePassword");

        var logs = portal.Factory.Logs.Lines;
        Assert.Contains(logs, line => line.StartsWith($"User {user.Id} signed in", StringComparison.Ordinal));
        Assert.Contains(logs, line => line.Contains("/Account/ChangePassword", StringComparison.Ordinal)
                                      && line.Contains($"UserId={user.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, line => line.Contains(wrongPassword, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, line => line.Contains(PortalFixture.TestPassword, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, line => line.Contains(user.Email!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Viewing_lists_logs_no_warnings_about_their_capped_counts()
    {
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");

        Assert.Equal(HttpStatusCode.OK, (await zunyi.GetAsync("/Agreements")).Status);
        Assert.Equal(HttpStatusCode.OK, (await zunyi.GetAsync("/Activities")).Status);
        Assert.Equal(HttpStatusCode.OK, (await zunyi.GetAsync("/Institutions")).Status);

        // "Take 10,001 in any order and count them" is meant: EF Core's warning about it would fill the logs.
        Assert.DoesNotContain(portal.Factory.Logs.Lines, line => line.Contains("row limiting operator", StringComparison.Ordinal));
    }
}
