using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Regions;
using VocEdAlliance.Web.Pages.Summaries;
using VocEdAlliance.Web.Resources;

namespace VocEdAlliance.IntegrationTests.Summaries;

/// <summary>The demo data, on a database of its own (the comparison needs nothing else writing at the same time).</summary>
public sealed class RollupDataset() : DedicatedPortal(seedDemo: true);

/// <summary>The summaries come from rollups the database keeps (summary_cells), the country's and each region's. Every
/// table they feed must equal the same table computed from the records, for the ministry and for bureaus at every
/// level, under every filter, before and after the records change in every way the portal changes them: activities recorded, edited, archived; agreements terminated, archived, moved to an alliance,
/// their parties replaced.</summary>
public sealed class SummaryRollupTests(RollupDataset data) : IClassFixture<RollupDataset>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly SummaryFilters[] FilterSets =
    [
        new(),
        new() { FromYear = 2021, ToYear = 2023 },
        new() { Kind = ActivityKind.TeacherTraining },
        new() { Zone = MacroZone.West },
        new() { Zone = MacroZone.Central, FromYear = 2022 },
        new() { Province = "52" },
        new() { Province = "31", Kind = ActivityKind.FinancialSupport },
    ];

    /// <summary>Who reads: the country (ministry), a province's, a prefecture's and a county's bureau.</summary>
    private static readonly AccessScope[] Readers =
    [
        new(SeesEverything: true, MayWrite: false, Key: string.Empty),
        new(SeesEverything: false, MayWrite: true, Key: "r:52"),
        new(SeesEverything: false, MayWrite: true, Key: "r:31"),
        new(SeesEverything: false, MayWrite: true, Key: "r:5203"),
        new(SeesEverything: false, MayWrite: true, Key: "r:520302"),
    ];

    /// <summary>Every table under every filter set for every reader, from the rollups and from the records, as text rows
    /// in a fixed order.</summary>
    private async Task<(List<string> FromRollups, List<string> FromRecords)> BothAsync()
    {
        var fromRollups = new List<string>();
        var fromRecords = new List<string>();
        foreach (var reader in Readers)
        {
            await using var scope = data.Factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Use(reader);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var regions = scope.ServiceProvider.GetRequiredService<RegionDirectory>();
            var t = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
            var rollups = new SummaryReport(db, regions);
            var records = new SummaryReport(db, regions, live: true);
            Assert.True(rollups.UsesRollups(FilterSets[0]));
            Assert.False(records.UsesRollups(FilterSets[0]));

            async Task<List<string>> Tables(SummaryReport report)
            {
                var lines = new List<string>();
                foreach (var filters in FilterSets)
                {
                    foreach (var table in SummaryTables.All)
                    {
                        var built = await new SummaryTables(report, t).BuildAsync(table, filters, Today, paged: table == SummaryTables.Alliances);
                        var where = $"{reader.Key} {table} {string.Join("&", filters.ToQuery().Select(q => q.Key + "=" + q.Value))}";
                        lines.AddRange(built.Rows.Select(row => $"{where}: {string.Join(" | ", row.Select(Text))}").Order(StringComparer.Ordinal));
                    }
                }
                return lines;
            }
            fromRollups.AddRange(await Tables(rollups));
            fromRecords.AddRange(await Tables(records));
        }
        return (fromRollups, fromRecords);
    }

    /// <summary>A cell as text; amounts by value (0.0 and 0 are the same money, shown alike on the page).</summary>
    private static string? Text(object? cell) =>
        cell is decimal amount ? amount.ToString("0.##########", CultureInfo.InvariantCulture) : Convert.ToString(cell, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_summary_from_the_rollups_equals_the_same_summary_from_the_records_as_records_change()
    {
        var (before, expectedBefore) = await BothAsync();
        Assert.Equal(expectedBefore, before);
        // There is something to compare, for the country and for the county.
        Assert.Contains(before, line => line.StartsWith(" provinces", StringComparison.Ordinal));
        Assert.Contains(before, line => line.StartsWith("r:520302 provinces", StringComparison.Ordinal));

        // Activities: one recorded (East->West support on an agreement with a party in each), one edited (kind, year,
        // outcomes), one archived.
        await data.WithDatabaseAsync(async db =>
        {
            var eastWest = await db.Agreements.Include(a => a.Parties)
                .Where(a => !a.IsArchived && a.Parties.Any(p => EF.Functions.Like(p.RegionCode, "31%")) && a.Parties.Any(p => EF.Functions.Like(p.RegionCode, "52%")))
                .OrderBy(a => a.Id).FirstAsync();
            var giver = eastWest.Parties.First(p => p.RegionCode.StartsWith("31", StringComparison.Ordinal));
            var receiver = eastWest.Parties.First(p => p.RegionCode.StartsWith("52", StringComparison.Ordinal));
            var recorder = await db.Users.Select(u => u.Id).FirstAsync();
            db.Activities.Add(CooperationActivity.Record(eastWest, null, new ActivityDetails(ActivityKind.EquipmentDonation, "设备捐赠（汇总测试）",
                new DateOnly(2022, 4, 1), null, null, null, new ActivityOutcomes(AmountCny: 123_456.78m), null,
                new SupportEntry(giver.OrganisationId, receiver.OrganisationId, null)), recorder, DateTimeOffset.UtcNow));

            var activities = await db.Activities.Include(a => a.Agreement).Include(a => a.Alliance)
                .Where(a => !a.IsArchived).OrderBy(a => a.Id).Take(2).ToListAsync();
            activities[0].Change(new ActivityDetails(ActivityKind.TeacherTraining, activities[0].Title, activities[0].StartsOn.AddYears(-1), null,
                null, null, new ActivityOutcomes(Teachers: 40, Trainees: 12, AmountCny: 999.5m), null));
            activities[1].Archive();
            return await db.SaveChangesAsync();
        });
        var (afterActivities, expectedAfterActivities) = await BothAsync();
        Assert.Equal(expectedAfterActivities, afterActivities);
        Assert.NotEqual(before, afterActivities);

        // Agreements: one terminated, one archived (its activities leave every summary), one moved into an alliance,
        // one whose party is replaced by a school in another province (it moves on the map, with its activities).
        await data.WithDatabaseAsync(async db =>
        {
            var agreements = await db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations)
                .Where(a => !a.IsArchived && db.Activities.Any(x => x.AgreementId == a.Id)).OrderBy(a => a.Id).Take(3).ToListAsync();
            var alliance = await db.Alliances.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE agreements SET status = 'Terminated' WHERE id = {agreements[0].Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE agreements SET alliance_id = {alliance} WHERE id = {agreements[1].Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE agreements SET is_archived = true WHERE id = {agreements[2].Id}");

            var moved = await db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations)
                .Where(a => !a.IsArchived && a.Parties.Any(p => EF.Functions.Like(p.RegionCode, "52%")) && db.Activities.Any(x => x.AgreementId == a.Id))
                .OrderBy(a => a.Title).FirstAsync();
            var replaced = moved.Parties.First(p => p.RegionCode.StartsWith("52", StringComparison.Ordinal));
            var kept = moved.Parties.First(p => p.Id != replaced.Id);
            // A school of the same kind in Hunan, so the agreement stays valid for its kind (a pairing joins two schools).
            var elsewhere = await db.Institutions.Where(i => EF.Functions.Like(i.RegionCode, "43%") && i.Kind == replaced.InstitutionKind
                                                             && i.Id != kept.OrganisationId)
                .OrderBy(i => i.Name).FirstAsync();
            var editor = await db.Users.Select(u => u.Id).FirstAsync();
            static PartyTerms Terms(AgreementParty p) => new(p.OrganisationId, p.OrganisationName, p.OrganisationType, p.InstitutionKind, p.RegionCode, null, null, null);
            moved.ChangeTerms(new AgreementTerms(moved.Kind, moved.Title, null, moved.AllianceId,
                [Terms(kept), new PartyTerms(elsewhere.Id, elsewhere.Name, elsewhere.Type, elsewhere.Kind, elsewhere.RegionCode, null, null, null)],
                moved.EffectiveFrom, null, moved.Modes, null, null), null, editor, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var (afterAgreements, expectedAfterAgreements) = await BothAsync();
        Assert.Equal(expectedAfterAgreements, afterAgreements);
        Assert.NotEqual(afterActivities, afterAgreements);

        // And a full recount from the records gives exactly the cells the triggers kept.
        var kept = await Cells();
        await data.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("SELECT rebuild_summary_cells()"));
        Assert.Equal(await Cells(), kept);
    }

    private sealed record Cell(string Line);

    /// <summary>The non-empty cells, as text (a recount drops the cells that went back to zero).</summary>
    private Task<List<string>> Cells() => data.WithDatabaseAsync(async db =>
    {
        await db.Database.ExecuteSqlRawAsync("SELECT summary_catch_up()");
        return (await db.Database.SqlQuery<Cell>($"""
            SELECT concat_ws(' ', view, provinces, alliance_id, status, year, kind, n, teachers, students, trainees, amount,
                             support_n, support_amount, last_on) AS line
            FROM summary_cells WHERE n <> 0 ORDER BY 1
            """).ToListAsync()).Select(c => c.Line).ToList();
    });
}
