using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Regions;
using VocEdAlliance.Web.Summaries;

namespace VocEdAlliance.IntegrationTests.Summaries;

/// <summary>The demo data, on a database of its own (the comparison needs nothing else writing at the same time).</summary>
public sealed class RollupDataset() : DedicatedPortal(seedDemo: true);

/// <summary>Every panel of the summaries, as the read model gives it (cells and ledger, kept by the database), must
/// equal the same panel worked out here straight from the records by the rules of docs/summaries.md — written again,
/// independently, in C# — for the ministry and for bureaus at every level, under every filter, before and after the
/// records change in every way the portal changes them.</summary>
public sealed class SummaryRollupTests(RollupDataset data) : IClassFixture<RollupDataset>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static SummaryFilters[] FilterSets(Guid chenzhou) =>
    [
        new(),
        new() { FromYear = 2021, ToYear = 2023 },
        new() { FromYear = 2021, ToYear = 2023, Years = YearMode.InForceWithin },
        new() { FromYear = 2024, Years = YearMode.InForceWithin },
        new() { ToYear = 2022 },
        new() { Kind = ActivityKind.TeacherTraining },
        new() { Zone = MacroZone.West },
        new() { Zone = MacroZone.Central, FromYear = 2022 },
        new() { Province = "52" },
        new() { Province = "43", Kind = ActivityKind.SkillsTraining },
        new() { Province = "31", Kind = ActivityKind.FinancialSupport },
        new() { AllianceId = chenzhou },
        new() { AllianceId = chenzhou, Province = "43", FromYear = 2023 },
    ];

    /// <summary>Who reads: the country (ministry), provinces', a prefecture's and a county's bureau.</summary>
    private static readonly AccessScope[] Readers =
    [
        new(SeesEverything: true, MayWrite: false, Key: string.Empty),
        new(SeesEverything: false, MayWrite: true, Key: "r:52"),
        new(SeesEverything: false, MayWrite: true, Key: "r:43"),
        new(SeesEverything: false, MayWrite: true, Key: "r:31"),
        new(SeesEverything: false, MayWrite: true, Key: "r:5203"),
        new(SeesEverything: false, MayWrite: true, Key: "r:4310"),
        new(SeesEverything: false, MayWrite: true, Key: "r:520302"),
    ];

    // ---- the rules, from the records --------------------------------------------------------------------------

    private sealed record AgreementRecord(Guid Id, AgreementStatus Status, Guid? AllianceId, DateOnly From, DateOnly? To, DateOnly? Terminated, List<string> Regions);
    private sealed record PartyRecord(Guid Agreement, Guid Organisation, string Region);
    private sealed record ActivityRecord(Guid? AgreementId, Guid? AllianceId, ActivityKind Kind, DateOnly StartsOn, int Teachers, int Students,
        int Trainees, decimal Amount, Guid? Giver, Guid? Receiver, List<string> Keys);

    /// <summary>One thing counted: where it counts (region prefixes), its alliance and figures.</summary>
    private sealed record Counted(HashSet<string> Places, Guid? Alliance, bool IsAgreement, bool Active, int Year, ActivityKind? Kind, Outcomes Outcomes, DateOnly? On);

    private static async Task<List<Counted>> FromRecordsAsync(AppDbContext db, SummaryFilters f, string scope)
    {
        var zones = await db.Regions.Where(r => r.Level == RegionLevel.Province).ToDictionaryAsync(r => r.Code[..2], r => r.MacroZone);
        var agreements = await db.Agreements.Where(a => !a.IsArchived)
            .Select(a => new AgreementRecord(a.Id, a.Status, a.AllianceId, a.EffectiveFrom, a.EffectiveTo, a.TerminatedOn, a.Parties.Select(p => p.RegionCode).ToList()))
            .ToDictionaryAsync(a => a.Id);
        var parties = (await db.Set<AgreementParty>().Select(p => new PartyRecord(p.AgreementId, p.OrganisationId, p.RegionCode)).ToListAsync())
            .ToLookup(p => p.Agreement);
        var activities = await db.Activities.Where(a => !a.IsArchived)
            .Select(a => new ActivityRecord(a.AgreementId, a.AllianceId, a.Kind, a.StartsOn, a.Teachers ?? 0, a.Students ?? 0, a.Trainees ?? 0,
                a.AmountCny ?? 0, a.GiverOrganisationId, a.ReceiverOrganisationId, EF.Property<List<string>>(a, AppDbContext.ActivityAccessKeys)))
            .ToListAsync();
        bool InScope(HashSet<string> places) => scope == "*" || places.Contains(scope[2..]);
        bool InPlace(HashSet<string> places) =>
            (f.ProvincePrefix is not { } province || places.Contains(province))
            && (f.Zone is not { } zone || places.Where(p => p.Length == 2).Any(p => zones.GetValueOrDefault(p) == zone));
        var counted = new List<Counted>();
        foreach (var a in agreements.Values)
        {
            var places = AccessPrefixes(a.Regions);
            var ended = new[] { a.To, a.Terminated }.Where(d => d is not null).Min();
            var chosen = !f.HasYears
                || (f.Years == YearMode.SignedWithin && a.From.Year >= (f.FromYear ?? 0) && a.From.Year <= (f.ToYear ?? 9999))
                || (f.Years == YearMode.InForceWithin && a.Status is AgreementStatus.Active or AgreementStatus.Expired or AgreementStatus.Terminated
                    && a.From.Year <= (f.ToYear ?? 9999) && (ended?.Year ?? 9999) >= (f.FromYear ?? 0));
            if (chosen && InScope(places) && InPlace(places) && (f.AllianceId is null || a.AllianceId == f.AllianceId))
            {
                counted.Add(new Counted(places, a.AllianceId, true, a.Status == AgreementStatus.Active, a.From.Year, null, Outcomes.Zero, null));
            }
        }
        foreach (var x in activities)
        {
            AgreementRecord? agreement = null;
            if (x.AgreementId is { } id && !agreements.TryGetValue(id, out agreement))
            {
                continue; // its agreement is archived
            }
            HashSet<string> places = agreement is null ? [.. x.Keys.Where(k => k.StartsWith("r:", StringComparison.Ordinal)).Select(k => k[2..])] : AccessPrefixes(agreement.Regions);
            var alliance = x.AllianceId ?? agreement?.AllianceId;
            string? Province(Guid? organisation) => parties[x.AgreementId ?? Guid.Empty].FirstOrDefault(p => p.Organisation == organisation)?.Region[..2];
            var support = agreement is not null && x.Giver is not null && x.Receiver is not null && x.Amount > 0
                          && Province(x.Giver) is { } giver && zones.GetValueOrDefault(giver) == MacroZone.East
                          && Province(x.Receiver) is { } receiver && zones.GetValueOrDefault(receiver) == MacroZone.West;
            if (x.StartsOn.Year >= (f.FromYear ?? 0) && x.StartsOn.Year <= (f.ToYear ?? 9999) && (f.Kind is null || f.Kind == x.Kind)
                && InScope(places) && InPlace(places) && (f.AllianceId is null || alliance == f.AllianceId))
            {
                counted.Add(new Counted(places, alliance, false, false, x.StartsOn.Year, x.Kind,
                    new Outcomes(1, x.Teachers, x.Students, x.Trainees, x.Amount, support ? 1 : 0, support ? x.Amount : 0), x.StartsOn));
            }
        }
        return counted;
    }

    /// <summary>The region prefixes a set of region codes (or access-key regions) places a thing in.</summary>
    private static HashSet<string> AccessPrefixes(IEnumerable<string> regions) =>
        [.. regions.SelectMany(code => VocEdAlliance.Web.Domain.Regions.RegionCode.Prefixes(code))];

    private static Volume Sum(IEnumerable<Counted> things) => things.Aggregate(Volume.Zero, (sum, c) => sum.Add(
        c.IsAgreement ? new Volume(1, c.Active ? 1 : 0, Outcomes.Zero) : new Volume(0, 0, c.Outcomes)));

    private static string Line(Volume v) => string.Join(" ", v.Agreements, v.Active, v.Outcomes.Activities, v.Outcomes.Teachers, v.Outcomes.Students,
        v.Outcomes.Trainees, v.Outcomes.Amount.ToString("0.00", CultureInfo.InvariantCulture), v.Outcomes.Support,
        v.Outcomes.SupportAmount.ToString("0.00", CultureInfo.InvariantCulture));

    /// <summary>Every panel as text lines, from the records.</summary>
    private static List<string> PanelsFromRecords(List<Counted> counted, IReadOnlyDictionary<string, MacroZone> zones, IReadOnlyList<string> drills, SummaryFilters f)
    {
        var lines = new List<string> { "total " + Line(Sum(counted)) };
        foreach (var province in counted.SelectMany(c => c.Places.Where(p => p.Length == 2)).Distinct().Order(StringComparer.Ordinal))
        {
            lines.Add($"province {province} " + Line(Sum(counted.Where(c => c.Places.Contains(province)))));
        }
        var eastWest = counted.Where(c => c.Places.Any(p => p.Length == 2 && zones.GetValueOrDefault(p) == MacroZone.East)
                                          && c.Places.Any(p => p.Length == 2 && zones.GetValueOrDefault(p) == MacroZone.West));
        lines.Add("east-west " + Line(Sum(eastWest)));
        foreach (var pair in counted.SelectMany(c =>
                 {
                     var ps = c.Places.Where(p => p.Length == 2).Order(StringComparer.Ordinal).ToList();
                     return ps.Count == 1 ? [(ps[0], ps[0], c)] : ps.SelectMany((a, i) => ps.Skip(i + 1).Select(b => (a, b, c)));
                 }).GroupBy(p => (p.Item1, p.Item2)))
        {
            lines.Add($"pair {pair.Key.Item1}-{pair.Key.Item2} " + Line(Sum(pair.Select(p => p.c))));
        }
        var years = counted.Where(c => !c.IsAgreement).Select(c => c.Year).ToList();
        if (years.Count > 0)
        {
            var first = years.Min();
            var last = years.Max();
            if (f.FromYear is { } from && from < first && last - from <= 30) { first = from; }
            if (f.ToYear is { } to && to > last && to - first <= 30) { last = to; }
            for (var year = first; year <= last; year++)
            {
                foreach (var kind in Enum.GetValues<ActivityKind>())
                {
                    var n = counted.Count(c => !c.IsAgreement && c.Year == year && c.Kind == kind);
                    lines.Add($"trend {year} {kind} {n}");
                }
            }
        }
        foreach (var drill in drills)
        {
            foreach (var child in counted.SelectMany(c => c.Places.Where(p => p.Length == drill.Length + 2 && p.StartsWith(drill, StringComparison.Ordinal))).Distinct().Order(StringComparer.Ordinal))
            {
                lines.Add($"drill {drill} {child} " + Line(Sum(counted.Where(c => c.Places.Contains(child)))));
            }
        }
        return lines;
    }

    /// <summary>The same panels from the read model, as the page builds them.</summary>
    private static async Task<List<string>> PanelsFromReadModel(SummaryReport report, SummaryFilters f, IReadOnlyList<string> drills)
    {
        var facts = await report.FactsAsync(f);
        var lines = new List<string> { "total " + Line(SummaryReport.Total(facts)) };
        lines.AddRange((await report.ByRegionAsync(f, null)).Select(r => $"province {r.Prefix} " + Line(r.Volume)));
        lines.Add("east-west " + Line(SummaryReport.EastToWest(facts, await report.ZonesAsync())));
        lines.AddRange(SummaryReport.Pairs(facts, p => p).Select(p => $"pair {p.From}-{p.To} " + Line(p.Volume)));
        foreach (var trend in SummaryReport.Trends(facts, f))
        {
            lines.AddRange(Enum.GetValues<ActivityKind>().Select(k => $"trend {trend.Year} {k} {trend.ByKind.GetValueOrDefault(k)}"));
        }
        foreach (var drill in drills)
        {
            lines.AddRange((await report.ByRegionAsync(f, drill)).Select(r => $"drill {drill} {r.Prefix} " + Line(r.Volume)));
        }
        return lines;
    }

    /// <summary>The by-alliance table from the records: every visible alliance's agreements and activities.</summary>
    private static List<string> AlliancesFromRecords(List<Counted> counted, IEnumerable<Guid> alliances) =>
        [.. alliances.Select(id =>
        {
            var own = counted.Where(c => c.Alliance == id).ToList();
            var last = own.Where(c => !c.IsAgreement).Select(c => c.On).Max();
            return $"alliance {id} {Line(Sum(own))} {last:yyyy-MM-dd}";
        })];

    private async Task<List<string>> BothAsync(bool fromRecords)
    {
        var lines = new List<string>();
        var chenzhou = await data.WithDatabaseAsync(db => db.Alliances.Where(a => a.Name == "郴州市职业教育产教融合（演示）").Select(a => a.Id).SingleAsync());
        foreach (var reader in Readers)
        {
            await using var scope = data.Factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Use(reader);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var regions = scope.ServiceProvider.GetRequiredService<RegionDirectory>();
            var store = SummaryStore.For(db)!;
            var key = reader.SeesEverything ? "*" : reader.Key;
            // Drill-downs within the reader's jurisdiction: its own region and one level below it.
            IReadOnlyList<string> drills = reader.SeesEverything ? ["52", "5203", "43", "4310"]
                : reader.Key.Length == 8 ? [reader.Key[2..]] : [reader.Key[2..], reader.Key[2..] + (reader.Key[2..] == "52" ? "03" : reader.Key[2..] == "43" ? "10" : "01")];
            var visibleAlliances = await db.Alliances.OrderBy(a => a.Name).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync();
            foreach (var filters in FilterSets(chenzhou))
            {
                var where = $"{key} {string.Join("&", filters.ToQuery().Select(q => q.Key + "=" + q.Value))}";
                var report = new SummaryReport(db, regions, store);
                List<string> panels;
                if (fromRecords)
                {
                    await using var system = data.Factory.Services.CreateAsyncScope();
                    system.ServiceProvider.GetRequiredService<CurrentAccess>().UseSystemScope();
                    var all = system.ServiceProvider.GetRequiredService<AppDbContext>();
                    var counted = await FromRecordsAsync(all, filters, key);
                    panels = PanelsFromRecords(counted, await report.ZonesAsync(), drills, filters);
                    if (filters.ProvincePrefix is null && filters.Zone is null)
                    {
                        var shown = visibleAlliances.Where(id => filters.AllianceId is null || id == filters.AllianceId);
                        panels.AddRange(AlliancesFromRecords(counted, shown));
                    }
                }
                else
                {
                    panels = await PanelsFromReadModel(report, filters, drills);
                    if (filters.ProvincePrefix is null && filters.Zone is null)
                    {
                        var page = await report.ByAllianceAsync(filters, Today, page: null);
                        panels.AddRange(page.Items.Select(r => $"alliance {r.Id} {Line(r.Volume)} {r.LastActivity:yyyy-MM-dd}"));
                    }
                }
                lines.AddRange(panels.Select(l => $"{where}: {l}").Order(StringComparer.Ordinal));
            }
        }
        return lines;
    }

    private async Task AssertSameAsync()
    {
        var fromRecords = await BothAsync(fromRecords: true);
        var fromReadModel = await BothAsync(fromRecords: false);
        // The lines on one side only, first: they say at once which panel, reader and filters differ.
        Assert.Equal([], fromRecords.Except(fromReadModel).Concat(fromReadModel.Except(fromRecords).Select(l => "read model: " + l)).Take(20));
        Assert.Equal(fromRecords, fromReadModel);
    }

    [Fact]
    public async Task Every_panel_from_the_read_model_equals_the_same_panel_from_the_records_as_records_change()
    {
        var before = await BothAsync(fromRecords: false);
        await AssertSameAsync();
        // There is something to compare: the country's and the county's provinces, Hunan's alliance trainings.
        Assert.Contains(before, line => line.StartsWith("* : province 52 ", StringComparison.Ordinal));
        Assert.Contains(before, line => line.StartsWith("r:520302 : province 52 ", StringComparison.Ordinal));
        Assert.Contains(before, line => line.StartsWith("r:43 kind=SkillsTraining&province=43: province 43 ", StringComparison.Ordinal));

        // Activities: one recorded (East->West support on a training, with giver and receiver), one edited (kind, year,
        // outcomes), one archived.
        await data.WithDatabaseAsync(async db =>
        {
            var eastWest = await db.Agreements.Include(a => a.Parties)
                .Where(a => !a.IsArchived && a.Parties.Any(p => EF.Functions.Like(p.RegionCode, "31%")) && a.Parties.Any(p => EF.Functions.Like(p.RegionCode, "52%")))
                .OrderBy(a => a.Id).FirstAsync();
            var giver = eastWest.Parties.First(p => p.RegionCode.StartsWith("31", StringComparison.Ordinal));
            var receiver = eastWest.Parties.First(p => p.RegionCode.StartsWith("52", StringComparison.Ordinal));
            var recorder = await db.Users.Select(u => u.Id).FirstAsync();
            db.Activities.Add(CooperationActivity.Record(eastWest, null, new ActivityDetails(ActivityKind.TeacherTraining, "东部出资的师资培训（汇总测试）",
                new DateOnly(2022, 4, 1), null, null, null, new ActivityOutcomes(Teachers: 3, AmountCny: 48_000m), null,
                new SupportEntry(giver.OrganisationId, receiver.OrganisationId, null)), recorder, DateTimeOffset.UtcNow));

            var activities = await db.Activities.Include(a => a.Agreement).ThenInclude(a => a!.Parties).Include(a => a.Alliance)
                .Where(a => !a.IsArchived && a.GiverOrganisationId == null).OrderBy(a => a.Id).Take(2).ToListAsync();
            activities[0].Change(new ActivityDetails(ActivityKind.TeacherTraining, activities[0].Title, activities[0].StartsOn.AddYears(-1), null,
                null, null, new ActivityOutcomes(Teachers: 40, Trainees: 12, AmountCny: 999.5m), null));
            activities[1].Archive();
            return await db.SaveChangesAsync();
        });
        var afterActivities = await BothAsync(fromRecords: false);
        await AssertSameAsync();
        Assert.NotEqual(before, afterActivities);

        // Agreements: one terminated, one archived (its activities leave every summary), one moved into an alliance,
        // one whose party is replaced by a school in another province (it moves on the map, with its activities).
        await data.WithDatabaseAsync(async db =>
        {
            var agreements = await db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations)
                .Where(a => !a.IsArchived && db.Activities.Any(x => x.AgreementId == a.Id)).OrderBy(a => a.Id).Take(3).ToListAsync();
            var alliance = await db.Alliances.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE agreements SET status = 'Terminated', terminated_on = '2022-06-30' WHERE id = {agreements[0].Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE agreements SET alliance_id = {alliance} WHERE id = {agreements[1].Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE agreements SET is_archived = true WHERE id = {agreements[2].Id}");

            var moved = await db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations)
                .Where(a => !a.IsArchived && a.Parties.Any(p => EF.Functions.Like(p.RegionCode, "52%")) && db.Activities.Any(x => x.AgreementId == a.Id && x.GiverOrganisationId == null))
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
        var afterAgreements = await BothAsync(fromRecords: false);
        await AssertSameAsync();
        Assert.NotEqual(afterActivities, afterAgreements);

        // And a full recount from the records gives exactly the cells the triggers kept.
        var kept = await Cells();
        await data.WithDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("SELECT rebuild_summary_cells()"));
        Assert.Equal(await Cells(), kept);
    }

    [Fact]
    public async Task The_same_figure_is_the_same_number_on_every_panel_that_shows_it()
    {
        var chenzhou = await data.WithDatabaseAsync(db => db.Alliances.Where(a => a.Name == "郴州市职业教育产教融合（演示）").Select(a => a.Id).SingleAsync());
        var checkedPanels = 0;
        foreach (var reader in Readers)
        {
            await using var scope = data.Factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().Use(reader);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var report = new SummaryReport(db, scope.ServiceProvider.GetRequiredService<RegionDirectory>(), SummaryStore.For(db)!);
            var tables = new SummaryTables(report, new PlanProgress(db, TimeProvider.System), new ProgrammeStatistics(db, TimeProvider.System), new EvaluationRanking(db), new TrainingOutcomes(db),
                scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<VocEdAlliance.Web.Resources.SharedResource>>());
            foreach (var filters in FilterSets(chenzhou))
            {
                var where = $"{reader.Key} {string.Join("&", filters.ToQuery().Select(q => q.Key + "=" + q.Value))}";
                var facts = await report.FactsAsync(filters);
                var headline = SummaryReport.Total(facts);
                // The activities by year add up to the headline's activities; the support row is the headline's support.
                Assert.True(SummaryReport.Trends(facts, filters).Sum(t => t.Total) == headline.Outcomes.Activities, where);
                var eastWest = await tables.BuildAsync(SummaryTables.EastWest, filters, Today);
                Assert.True(Convert.ToDecimal(eastWest.Rows[1][^1], CultureInfo.InvariantCulture) == headline.Outcomes.SupportAmount, where);
                // With a province chosen, its row in the by-region table is everything shown: the headline.
                if (filters.ProvincePrefix is { } province)
                {
                    var row = (await report.ByRegionAsync(filters, null)).SingleOrDefault(r => r.Prefix == province)?.Volume ?? Volume.Zero;
                    Assert.True(row == headline, $"{where}: {row} vs {headline}");
                    checkedPanels++;
                }
                // Every province-pair row and every by-region row is within the headline.
                Assert.All(SummaryReport.Pairs(facts, p => p), p => Assert.True(p.Volume.Agreements <= headline.Agreements
                    && p.Volume.Outcomes.Trainees <= headline.Outcomes.Trainees, where));
                checkedPanels++;
            }
        }
        Assert.True(checkedPanels > Readers.Length * 10);
    }

    private sealed record Cell(string Line);

    /// <summary>The non-empty cells, as text (a recount drops the cells that went back to zero).</summary>
    private Task<List<string>> Cells() => data.WithDatabaseAsync(async db =>
    {
        await db.Database.ExecuteSqlRawAsync("SELECT summary_catch_up()");
        return (await db.Database.SqlQuery<Cell>($"""
            SELECT concat_ws(' ', scope, view, provinces, status, year, until_year, kind, n, teachers, students, trainees, amount,
                             support_n, support_amount) AS line
            FROM summary_cells WHERE n <> 0 ORDER BY 1
            """).ToListAsync()).Select(c => c.Line).ToList();
    });
}
