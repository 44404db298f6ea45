using Npgsql;

namespace VocEdAlliance.IntegrationTests.Summaries;

/// <summary>A portal of its own: these tests record extreme dates, which would move the shared demo figures.</summary>
public sealed class PoisonPortal() : DedicatedPortal(seedDemo: true);

/// <summary>One principal's record can never break another jurisdiction's pages: dates outside 1900–2100 are refused
/// at the form, by the domain and by the database, and the extremes that are allowed are counted like any other.</summary>
public sealed class PoisonedDatesTests(PoisonPortal portal) : IClassFixture<PoisonPortal>
{
    private static readonly string[] Readers =
        ["ministry@demo.local", "hunan.staff@demo.local", "liuyang.staff@demo.local", "zunyi.staff@demo.local", "shanghai.staff@demo.local"];

    private Task<Guid> SpaPairingAsync() => portal.WithDatabaseAsync(async db =>
    {
        var spa = await db.Users.Where(u => u.Email == "spa.principal@demo.local").Select(u => u.OrganisationId).SingleAsync();
        return await db.Agreements.Where(a => !a.IsArchived && a.Parties.Any(p => p.OrganisationId == spa)).Select(a => a.Id).FirstAsync();
    });

    [Fact]
    public async Task A_principal_cannot_record_a_date_outside_1900_to_2100_and_every_summary_stays_up_with_the_extremes()
    {
        var pairing = await SpaPairingAsync();
        using var principal = await portal.SignedInAsync("spa.principal@demo.local");
        foreach (var day in new[] { "9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01" })
        {
            var refused = await principal.SubmitAsync(await principal.GetAsync($"/Activities/Create?agreementId={pairing}"), PortalSession.MainForm,
                new Dictionary<string, string> { ["Input.Kind"] = "Visit", ["Input.Title"] = "越界日期 " + day, ["Input.StartsOn"] = day, ["Input.EndsOn"] = day });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains("1900-01-01", refused.FieldError("Input.StartsOn"), StringComparison.Ordinal);
        }
        foreach (var (starts, ends) in new[] { ("1900-01-01", "2100-12-31"), ("2100-12-31", "2100-12-31") })
        {
            var saved = await principal.SubmitAsync(await principal.GetAsync($"/Activities/Create?agreementId={pairing}"), PortalSession.MainForm,
                new Dictionary<string, string>
                {
                    ["Input.Kind"] = "TeacherTraining", ["Input.Title"] = "极端日期 " + starts, ["Input.StartsOn"] = starts, ["Input.EndsOn"] = ends,
                    ["Input.Trainees"] = "10",
                });
            Assert.StartsWith("/Activities/", saved.Url.AbsolutePath, StringComparison.Ordinal);
        }

        Assert.Equal(2, await portal.WithDatabaseAsync(db => db.Activities.CountAsync(a => a.Title.StartsWith("极端日期"))));
        Assert.False(await portal.WithDatabaseAsync(db => db.Activities.AnyAsync(a => a.Title.StartsWith("越界日期"))));
        foreach (var reader in Readers)
        {
            using var session = await portal.SignedInAsync(reader);
            foreach (var address in new[] { "/", "/Summaries", "/Summaries?from=1900&to=2100", "/Activities?year=2100" })
            {
                Assert.Equal((reader, address, HttpStatusCode.OK), (reader, address, (await session.GetAsync(address)).Status));
            }
        }
    }

    [Fact]
    public async Task The_database_itself_refuses_a_date_outside_1900_to_2100()
    {
        var pairing = await SpaPairingAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => portal.WithDatabaseAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE activities SET starts_on = DATE '9999-12-31' WHERE agreement_id = {pairing}")));

        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
    }
}
