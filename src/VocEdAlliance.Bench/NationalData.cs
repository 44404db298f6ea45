using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using NpgsqlTypes;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Bench;

/// <summary>National-scale data, generated from a seed and loaded with PostgreSQL's binary COPY: a bureau for every
/// region, schools, enterprises, alliances with members, agreements (through the domain's own <see cref="Agreement"/>,
/// so terms, hashes, confirmations, statuses and access keys are what the portal would write), activities over ten years
/// and accounts. Busy regions are far busier than quiet ones (Zipf-like weights), as in reality. The same seed and scale
/// give the same content (record ids are fresh each time).</summary>
public sealed class NationalData(string connectionString, double scale, int seed, TextWriter log)
{
    /// <summary>The password of every generated account (the bench signs in with it).</summary>
    public const string Password = "Bench-Passw0rd-2026";

    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private readonly Random random = new(seed);
    private readonly List<Region> counties = [];
    private readonly List<Org> schools = [];
    private readonly List<Org> enterprises = [];
    private readonly Dictionary<string, Org> bureaus = [];
    private readonly List<Guid> recorders = [];
    private readonly Dictionary<string, string> zones = [];

    private sealed record Region(string Code, string Name, string Level, string? Parent, string Zone, double Weight);

    private sealed record Org(Guid Id, string Name, OrganisationType Type, InstitutionKind? Kind, string RegionCode)
    {
        public int Load { get; set; }
    }

    private int Count(int full) => Math.Max(2, (int)Math.Round(full * scale));

    public async Task RunAsync()
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A bulk load: the rows are written complete and consistent (activities with their owners' access keys), so the
        // triggers that keep them in step with single edits are off for this session, and the totals are recounted at
        // the end.
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync();
        }
        if (await ScalarAsync<long>(connection, "SELECT count(*) FROM organisations WHERE type <> 'Ministry'") > 0)
        {
            throw new InvalidOperationException("The database already holds organisations: generate into an empty, migrated database.");
        }
        var regions = await LoadRegionsAsync(connection);
        var ministry = await ScalarAsync<Guid>(connection, "SELECT id FROM organisations WHERE type = 'Ministry' LIMIT 1");

        await WriteBureausAsync(connection, regions);
        await WriteInstitutionsAsync(connection);
        Step(clock, $"{bureaus.Count:N0} bureaus, {schools.Count:N0} schools, {enterprises.Count:N0} enterprises");

        await WriteUsersAsync(connection, ministry);
        Step(clock, $"{recorders.Count:N0} accounts");

        var alliances = await WriteAlliancesAsync(connection);
        Step(clock, $"{alliances.Count:N0} alliances");

        var agreements = await WriteAgreementsAsync(connection, alliances);
        Step(clock, $"{agreements.Count:N0} agreements");

        var activities = await WriteActivitiesAsync(connection, agreements, alliances);
        Step(clock, $"{activities:N0} activities");

        await using (var totals = new NpgsqlCommand("SELECT rebuild_portal_totals()", connection) { CommandTimeout = 600 })
        {
            await totals.ExecuteNonQueryAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 600 })
        {
            await analyze.ExecuteNonQueryAsync();
        }
        Step(clock, "analysed");
        // The triggers that keep the summary rollups were off during the copy: count them once from the records.
        await using (var rollups = new NpgsqlCommand("SELECT rebuild_summary_cells(); ANALYZE summary_cells, summary_ledger", connection) { CommandTimeout = 1200 })
        {
            await rollups.ExecuteNonQueryAsync();
        }
        Step(clock, "summary rollups counted");
    }

    private void Step(Stopwatch clock, string what) => log.WriteLine($"  {clock.Elapsed.TotalSeconds,6:F1} s  {what}");

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<Region>> LoadRegionsAsync(NpgsqlConnection connection)
    {
        var rows = new List<(string Code, string Name, string Level, string? Parent, string Zone)>();
        await using (var command = new NpgsqlCommand("""
            SELECT code, name, level, parent_code, macro_zone FROM regions
            WHERE valid_to IS NULL AND NOT is_development_zone AND NOT is_statistical_grouping ORDER BY code
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
            }
        }
        // Some provinces, and some counties within each, are far busier than others.
        var provinces = rows.Where(r => r.Level == "Province").Select(r => r.Code).OrderBy(_ => random.Next()).ToList();
        var provinceWeight = provinces.Select((code, rank) => (code, weight: 1 / Math.Pow(rank + 1, 0.8))).ToDictionary(p => p.code, p => p.weight);
        var result = new List<Region>();
        foreach (var group in rows.Where(r => r.Level == "County").GroupBy(r => r.Code[..2]))
        {
            var shuffled = group.OrderBy(_ => random.Next()).ToList();
            var total = shuffled.Select((_, rank) => 1 / Math.Pow(rank + 1, 1.1)).Sum();
            counties.AddRange(shuffled.Select((r, rank) =>
                new Region(r.Code, r.Name, r.Level, r.Parent, r.Zone, provinceWeight.GetValueOrDefault(r.Code[..2] + "0000", 0.05) / Math.Pow(rank + 1, 1.1) / total)));
        }
        result.AddRange(rows.Select(r => new Region(r.Code, r.Name, r.Level, r.Parent, r.Zone, 0)));
        foreach (var row in rows)
        {
            zones[row.Code] = row.Zone;
        }
        return result;
    }

    private T PickWeighted<T>(IReadOnlyList<T> items, Func<T, double> weight, double[]? cumulative = null)
    {
        cumulative ??= Cumulative(items, weight);
        var x = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, x);
        return items[Math.Min(index < 0 ? ~index : index, items.Count - 1)];
    }

    private static double[] Cumulative<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var sums = new double[items.Count];
        var sum = 0.0;
        for (var i = 0; i < items.Count; i++)
        {
            sum += weight(items[i]);
            sums[i] = sum;
        }
        return sums;
    }

    private async Task WriteBureausAsync(NpgsqlConnection connection, List<Region> regions)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY organisations (id, type, name, region_code, access_keys, is_demo_placeholder) FROM STDIN (FORMAT BINARY)");
        foreach (var region in regions)
        {
            var name = region.Level == "Province" ? region.Name + "教育厅" : region.Name + "教育局";
            var bureau = new Org(Guid.CreateVersion7(), name, OrganisationType.EducationBureau, null, region.Code);
            bureaus[region.Code] = bureau;
            await copy.StartRowAsync();
            await copy.WriteAsync(bureau.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(nameof(OrganisationType.EducationBureau), NpgsqlDbType.Varchar);
            await copy.WriteAsync(name, NpgsqlDbType.Varchar);
            await copy.WriteAsync(region.Code, NpgsqlDbType.Char);
            await copy.WriteAsync(AccessKeys.For(bureau.Id, region.Code).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
        }
        await copy.CompleteAsync();
    }

    private async Task WriteInstitutionsAsync(NpgsqlConnection connection)
    {
        var cumulative = Cumulative(counties, c => c.Weight);
        InstitutionKind[] schoolKinds =
        [
            InstitutionKind.SecondaryVocationalSchool, InstitutionKind.SecondaryVocationalSchool, InstitutionKind.SecondaryVocationalSchool,
            InstitutionKind.HigherVocationalCollege, InstitutionKind.HigherVocationalCollege, InstitutionKind.TechnicianSchool,
            InstitutionKind.UndergraduateUniversity,
        ];
        string[] trades = ["机电", "电子", "化工", "数控", "汽车", "软件", "物流", "建材", "食品", "纺织", "新能源", "装备"];
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY organisations (id, type, name, region_code, access_keys, is_demo_placeholder, kind, ownership, address, head,
                                contact_phone, founded_year, enrolment) FROM STDIN (FORMAT BINARY)
            """);
        async Task WriteAsync(Org org, bool school, int n)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(org.Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync(nameof(OrganisationType.Institution), NpgsqlDbType.Varchar);
            await copy.WriteAsync(org.Name, NpgsqlDbType.Varchar);
            await copy.WriteAsync(org.RegionCode, NpgsqlDbType.Char);
            await copy.WriteAsync(AccessKeys.For(org.Id, org.RegionCode).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(org.Kind!.Value.ToString(), NpgsqlDbType.Varchar);
            await copy.WriteAsync(school && random.Next(5) > 0 ? nameof(Ownership.Public) : nameof(Ownership.Private), NpgsqlDbType.Varchar);
            await copy.WriteAsync($"{bureaus[org.RegionCode].Name[..^3]}{trades[n % trades.Length]}路{n % 400 + 1}号", NpgsqlDbType.Varchar);
            await copy.WriteAsync(school ? "校长" + n : "法定代表人" + n, NpgsqlDbType.Varchar);
            await copy.WriteAsync($"0{random.Next(100, 999)}-{random.Next(1000000, 9999999)}", NpgsqlDbType.Varchar);
            await copy.WriteAsync(random.Next(1950, 2021), NpgsqlDbType.Integer);
            await copy.WriteAsync(school ? random.Next(300, 15000) : 0, NpgsqlDbType.Integer);
        }
        for (var n = 0; n < Count(12_000); n++)
        {
            var county = PickWeighted(counties, c => c.Weight, cumulative);
            var kind = schoolKinds[random.Next(schoolKinds.Length)];
            var suffix = kind switch
            {
                InstitutionKind.HigherVocationalCollege => "职业技术学院",
                InstitutionKind.TechnicianSchool => "技师学院",
                InstitutionKind.UndergraduateUniversity => "应用技术大学",
                _ => "中等职业学校",
            };
            var school = new Org(Guid.CreateVersion7(), $"{county.Name}第{n + 1}{suffix}", OrganisationType.Institution, kind, county.Code);
            schools.Add(school);
            await WriteAsync(school, true, n);
        }
        for (var n = 0; n < Count(20_000); n++)
        {
            var county = PickWeighted(counties, c => c.Weight, cumulative);
            var enterprise = new Org(Guid.CreateVersion7(), $"{county.Name}{trades[n % trades.Length]}实业第{n + 1}有限公司",
                OrganisationType.Institution, InstitutionKind.Enterprise, county.Code);
            enterprises.Add(enterprise);
            await WriteAsync(enterprise, false, n);
        }
        await copy.CompleteAsync();
    }

    private async Task WriteUsersAsync(NpgsqlConnection connection, Guid ministry)
    {
        var roleIds = new Dictionary<string, Guid>();
        await using (var command = new NpgsqlCommand("SELECT name, id FROM roles", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                roleIds[reader.GetString(0)] = reader.GetGuid(1);
            }
        }
        var hash = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Password);
        var accounts = new List<(string Email, string Name, Guid Organisation, string Role)>
        {
            // The accounts scripts/bench signs in with: the ministry, the busiest province, its busiest county, and the
            // principal of the school with the most agreements (chosen again after the agreements are written).
            ("ministry@bench.local", "部级用户", ministry, Roles.MinistryOfficial),
        };
        var busiestCounty = counties.MaxBy(c => c.Weight)!;
        accounts.Add(("province@bench.local", "省级教育厅用户", bureaus[busiestCounty.Code[..2] + "0000"].Id, Roles.BureauStaff));
        accounts.Add(("county@bench.local", "区县教育局用户", bureaus[busiestCounty.Code].Id, Roles.BureauStaff));
        var target = Count(30_000);
        for (var n = 0; n < Count(40); n++)
        {
            accounts.Add(($"ministry{n}@bench.local", $"部级用户{n}", ministry, Roles.MinistryOfficial));
        }
        foreach (var bureau in bureaus.Values.OrderBy(b => b.RegionCode))
        {
            if (accounts.Count >= target * 0.4)
            {
                break;
            }
            accounts.Add(($"admin.{bureau.RegionCode}@bench.local", bureau.Name + "管理员", bureau.Id, Roles.BureauAdmin));
            accounts.Add(($"staff.{bureau.RegionCode}@bench.local", bureau.Name + "工作人员", bureau.Id, Roles.BureauStaff));
        }
        foreach (var school in schools.Where(s => s.Kind != InstitutionKind.Enterprise))
        {
            if (accounts.Count >= target)
            {
                break;
            }
            accounts.Add(($"principal.{accounts.Count}@bench.local", school.Name + "校长", school.Id, Roles.SchoolPrincipal));
        }
        // The rest: more staff at the busiest bureaus.
        var busy = bureaus.Values.Where(b => b.RegionCode.EndsWith("00", StringComparison.Ordinal)).ToList();
        for (var n = 0; accounts.Count < target; n++)
        {
            var bureau = busy[n % busy.Count];
            accounts.Add(($"staff{n}.{bureau.RegionCode}@bench.local", bureau.Name + "工作人员" + n, bureau.Id, Roles.BureauStaff));
        }

        var users = accounts.Select(a => (Id: Guid.CreateVersion7(), a.Email, a.Name, a.Organisation, a.Role)).ToList();
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY users (id, display_name, organisation_id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                        password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled,
                        access_failed_count) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var user in users)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(user.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(user.Name[..Math.Min(user.Name.Length, 100)], NpgsqlDbType.Varchar);
                await copy.WriteAsync(user.Organisation, NpgsqlDbType.Uuid);
                await copy.WriteAsync(user.Email, NpgsqlDbType.Varchar);
                await copy.WriteAsync(user.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(user.Email, NpgsqlDbType.Varchar);
                await copy.WriteAsync(user.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync(hash, NpgsqlDbType.Text);
                await copy.WriteAsync(Guid.NewGuid().ToString("N").ToUpperInvariant(), NpgsqlDbType.Text);
                await copy.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY user_roles (user_id, role_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var user in users)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(user.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(roleIds[user.Role], NpgsqlDbType.Uuid);
            }
            await copy.CompleteAsync();
        }
        recorders.AddRange(users.Where(u => u.Role != Roles.MinistryOfficial).Select(u => u.Id));
    }

    private sealed record AllianceRow(Guid Id, List<Org> Members)
    {
        public string[] Keys { get; } = [.. AccessKeys.Union(Members.Select(c => (c.Id, c.RegionCode)))];
    }

    private async Task<List<AllianceRow>> WriteAlliancesAsync(NpgsqlConnection connection)
    {
        var alliances = new List<AllianceRow>();
        var members = schools.Concat(enterprises).ToList();
        var byProvince = members.GroupBy(m => m.RegionCode[..2]).ToDictionary(g => g.Key, g => g.ToList());
        var kinds = Enum.GetValues<AllianceKind>();
        var areas = Enum.GetValues<FocusArea>();
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY alliances (id, name, kind, focus_areas, founded_on, parent_alliance_id, description, is_demo_placeholder, access_keys)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var n = 0; n < Count(3_000); n++)
            {
                var size = 3 + (int)(57 * Math.Pow(random.NextDouble(), 3)); // most alliances are small, a few large
                var lead = members[random.Next(members.Count)]; // busy regions hold more organisations, so lead more alliances
                var chosen = new List<Org> { lead, PrefectureBureau(lead.RegionCode) };
                var home = byProvince[lead.RegionCode[..2]];
                while (chosen.Count < size)
                {
                    // Members come mostly from the lead's province.
                    var candidate = random.Next(3) > 0 ? home[random.Next(home.Count)] : members[random.Next(members.Count)];
                    if (!chosen.Contains(candidate))
                    {
                        chosen.Add(candidate);
                    }
                    if (chosen.Count >= home.Count + 2 && random.Next(3) > 0)
                    {
                        break; // a small province runs out of members of its own
                    }
                }
                var alliance = new AllianceRow(Guid.CreateVersion7(), chosen);
                alliances.Add(alliance);
                var parent = n > 10 && random.Next(10) == 0 ? alliances[random.Next(n - 1)].Id : (Guid?)null;
                await copy.StartRowAsync();
                await copy.WriteAsync(alliance.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync($"{PrefectureBureau(lead.RegionCode).Name[..^3]}职业教育联盟{n + 1}", NpgsqlDbType.Varchar);
                await copy.WriteAsync(kinds[random.Next(kinds.Length)].ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(areas.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).Select(a => a.ToString()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(new DateOnly(2010 + random.Next(15), 1 + random.Next(12), 1 + random.Next(28)), NpgsqlDbType.Date);
                await WriteOrNullAsync(copy, parent, NpgsqlDbType.Uuid);
                await copy.WriteAsync("由成员院校、企业和教育行政部门共同组建。", NpgsqlDbType.Varchar);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(alliance.Keys, NpgsqlDbType.Array | NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY alliance_members (id, alliance_id, organisation_id, organisation_name, organisation_type, region_code, role, joined_on)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var alliance in alliances)
            {
                for (var i = 0; i < alliance.Members.Count; i++)
                {
                    var member = alliance.Members[i];
                    await copy.StartRowAsync();
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(alliance.Id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(member.Id, NpgsqlDbType.Uuid);
                    await copy.WriteAsync(member.Name, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(member.Type.ToString(), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(member.RegionCode, NpgsqlDbType.Char);
                    await copy.WriteAsync((i == 0 ? MemberRole.Lead : i == 1 ? MemberRole.Secretariat : MemberRole.Member).ToString(), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(new DateOnly(2016 + random.Next(9), 1 + random.Next(12), 1 + random.Next(28)), NpgsqlDbType.Date);
                }
            }
            await copy.CompleteAsync();
        }
        return alliances;
    }

    private sealed record AgreementRow(Guid Id, DateOnly From, DateOnly? To, Org Giver, Org Receiver, string[] Keys);

    private async Task<List<AgreementRow>> WriteAgreementsAsync(NpgsqlConnection connection, List<AllianceRow> alliances)
    {
        var pairable = schools.Where(s => s.Kind is InstitutionKind.SecondaryVocationalSchool or InstitutionKind.HigherVocationalCollege).ToList();
        var east = pairable.Where(s => ZoneOf(s) == "East").ToList();
        var westOrCentral = pairable.Where(s => ZoneOf(s) is "West" or "Central").ToList();
        // Schools were already placed by the regions' weights (a busy county holds many schools), so each school is
        // picked with the same chance: weighting the pick by the county again squared the skew, and one county ended up a
        // party to 45% of the country's agreements.
        var eastCumulative = Cumulative(east, _ => 1.0);
        var westCumulative = Cumulative(westOrCentral, _ => 1.0);
        var allCumulative = Cumulative(pairable, _ => 1.0);
        var modes = Enum.GetValues<CooperationMode>();
        var enterprisesByProvince = enterprises.GroupBy(e => e.RegionCode[..2]).ToDictionary(g => g.Key, g => g.ToList());
        var rows = new List<AgreementRow>();
        var systemUser = recorders[0];

        await using var agreementsCopy = await connection.BeginBinaryImportAsync("""
            COPY agreements (id, kind, title, number, alliance_id, effective_from, effective_to, status, modes, specialties, notes,
                             recorded_by_organisation_id, recorded_at, is_archived, access_keys, terms_text, terms_hash)
            FROM STDIN (FORMAT BINARY)
            """);
        var parties = new List<AgreementParty>();
        var confirmations = new List<AgreementConfirmation>();
        for (var n = 0; n < Count(120_000); n++)
        {
            var roll = random.Next(100);
            AgreementKind kind;
            List<Org> chosen;
            if (roll < 60)
            {
                kind = AgreementKind.Pairing;
                var first = random.Next(10) < 7 ? PickWeighted(east, s => 0, eastCumulative) : PickWeighted(pairable, s => 0, allCumulative);
                var second = random.Next(10) < 7 ? PickWeighted(westOrCentral, s => 0, westCumulative) : PickWeighted(pairable, s => 0, allCumulative);
                if (first == second)
                {
                    second = pairable[(pairable.IndexOf(first) + 1) % pairable.Count];
                }
                chosen = [first, second];
            }
            else if (roll < 90)
            {
                kind = AgreementKind.SchoolEnterprise;
                var school = PickWeighted(pairable, s => 0, allCumulative);
                var nearby = enterprisesByProvince.GetValueOrDefault(school.RegionCode[..2]) ?? enterprises;
                chosen = [school, nearby[random.Next(nearby.Count)]];
            }
            else
            {
                kind = AgreementKind.Framework;
                var lead = PickWeighted(pairable, s => 0, allCumulative);
                chosen = [lead, bureaus[lead.RegionCode[..2] + "0000"]];
                while (chosen.Count < 3 + random.Next(4))
                {
                    var other = PickWeighted(pairable, s => 0, allCumulative);
                    if (!chosen.Contains(other))
                    {
                        chosen.Add(other);
                    }
                }
            }
            var from = new DateOnly(2016 + random.Next(10), 1 + random.Next(12), 1);
            DateOnly? to = random.Next(10) < 4 ? from.AddYears(3 + random.Next(3)).AddDays(-1) : null;
            var allianceRow = random.Next(5) == 0 ? alliances[random.Next(alliances.Count)] : null;
            var terms = new AgreementTerms(kind, $"{chosen[0].Name}与{chosen[1].Name}{(kind == AgreementKind.Framework ? "等" : string.Empty)}合作协议",
                $"BENCH-{n + 1:D6}", allianceRow?.Id,
                [.. chosen.Select(c => new PartyTerms(c.Id, c.Name, c.Type, c.Kind, c.RegionCode, null, null, null))],
                from, to, [.. modes.OrderBy(_ => random.Next()).Take(1 + random.Next(3))], null, null);
            var recorder = bureaus.GetValueOrDefault(chosen[0].RegionCode) ?? PrefectureBureau(chosen[0].RegionCode);
            // Most agreements are confirmed by every side; some still wait for the counterpart.
            var pending = random.Next(10) == 0;
            var agreement = Agreement.Record(terms, recorder.Id, pending ? AccessKeys.ForJurisdiction(recorder.RegionCode) : null,
                new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), systemUser);
            agreement.ExpireIfEnded(Today);
            parties.AddRange(agreement.Parties);
            confirmations.AddRange(agreement.Confirmations);
            foreach (var c in chosen)
            {
                c.Load++;
            }
            rows.Add(new AgreementRow(agreement.Id, from, to, chosen[0], chosen[1], [.. agreement.AccessKeys]));

            await agreementsCopy.StartRowAsync();
            await agreementsCopy.WriteAsync(agreement.Id, NpgsqlDbType.Uuid);
            await agreementsCopy.WriteAsync(agreement.Kind.ToString(), NpgsqlDbType.Varchar);
            await agreementsCopy.WriteAsync(agreement.Title, NpgsqlDbType.Varchar);
            await agreementsCopy.WriteAsync(agreement.Number!, NpgsqlDbType.Varchar);
            await WriteOrNullAsync(agreementsCopy, agreement.AllianceId, NpgsqlDbType.Uuid);
            await agreementsCopy.WriteAsync(agreement.EffectiveFrom, NpgsqlDbType.Date);
            await WriteOrNullAsync(agreementsCopy, agreement.EffectiveTo, NpgsqlDbType.Date);
            await agreementsCopy.WriteAsync(agreement.Status.ToString(), NpgsqlDbType.Varchar);
            await agreementsCopy.WriteAsync(agreement.Modes.Select(m => m.ToString()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await agreementsCopy.WriteNullAsync();
            await agreementsCopy.WriteNullAsync();
            await agreementsCopy.WriteAsync(recorder.Id, NpgsqlDbType.Uuid);
            await agreementsCopy.WriteAsync(agreement.RecordedAt, NpgsqlDbType.TimestampTz);
            await agreementsCopy.WriteAsync(false, NpgsqlDbType.Boolean);
            await agreementsCopy.WriteAsync(agreement.AccessKeys.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await agreementsCopy.WriteAsync(agreement.TermsText, NpgsqlDbType.Text);
            await agreementsCopy.WriteAsync(agreement.TermsHash, NpgsqlDbType.Char);
        }
        await agreementsCopy.CompleteAsync();
        await agreementsCopy.DisposeAsync();

        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY agreement_parties (id, agreement_id, organisation_id, organisation_name, organisation_type, institution_kind, region_code,
                role, position)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var party in parties)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(party.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(party.AgreementId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(party.OrganisationId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(party.OrganisationName, NpgsqlDbType.Varchar);
                await copy.WriteAsync(party.OrganisationType.ToString(), NpgsqlDbType.Varchar);
                await WriteOrNullAsync(copy, party.InstitutionKind?.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(party.RegionCode, NpgsqlDbType.Char);
                await copy.WriteAsync(party.Role.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(party.Position, NpgsqlDbType.Integer);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY agreement_confirmations (id, agreement_id, party_organisation_id, confirmed_by_user_id, confirmed_at, terms_hash, terms_text)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var confirmation in confirmations)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(confirmation.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(confirmation.AgreementId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(confirmation.PartyOrganisationId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(confirmation.ConfirmedByUserId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(confirmation.ConfirmedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(confirmation.TermsHash, NpgsqlDbType.Char);
                await copy.WriteAsync(confirmation.TermsText, NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }

        // The principal scripts/bench signs in as runs the school with the most agreements.
        var busiest = schools.MaxBy(s => s.Load)!;
        await using (var command = new NpgsqlCommand("""
            INSERT INTO users (id, display_name, organisation_id, user_name, normalized_user_name, email, normalized_email,
                email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled,
                lockout_enabled, access_failed_count)
            SELECT @id, '校长（基准测试）', @school, 'principal@bench.local', 'PRINCIPAL@BENCH.LOCAL', 'principal@bench.local',
                'PRINCIPAL@BENCH.LOCAL', true, password_hash, 'BENCHSTAMP', 'bench', false, false, true, 0
            FROM users WHERE email = 'ministry@bench.local';
            INSERT INTO user_roles (user_id, role_id) SELECT @id, id FROM roles WHERE name = 'SchoolPrincipal';
            """, connection))
        {
            command.Parameters.AddWithValue("id", Guid.CreateVersion7());
            command.Parameters.AddWithValue("school", busiest.Id);
            await command.ExecuteNonQueryAsync();
        }
        return rows;
    }

    /// <summary>The prefecture's bureau over a county, or the province's where the prefecture is only a statistical
    /// grouping (the municipalities' 市辖区).</summary>
    private Org PrefectureBureau(string county) => bureaus.GetValueOrDefault(county[..4] + "00") ?? bureaus[county[..2] + "0000"];

    private string ZoneOf(Org org) => zones.GetValueOrDefault(org.RegionCode, "East");


    private async Task<long> WriteActivitiesAsync(NpgsqlConnection connection, List<AgreementRow> agreements, List<AllianceRow> alliances)
    {
        var kinds = Enum.GetValues<ActivityKind>();
        // Busy regions already hold more agreements; each agreement gets activities with the same chance (weighting by
        // region again would square the skew, as it did for the agreements).
        var cumulative = Cumulative(agreements, _ => 1.0);
        var total = Count(2_000_000);
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY activities (id, agreement_id, alliance_id, kind, title, starts_on, ends_on, location, participants, students, teachers,
                             trainees, amount_cny, giver_organisation_id, receiver_organisation_id, source_of_funds,
                             recorded_by_user_id, recorded_at, is_archived, access_keys)
            FROM STDIN (FORMAT BINARY)
            """);
        for (var n = 0; n < total; n++)
        {
            var kind = kinds[random.Next(kinds.Length)];
            AgreementRow? agreement = null;
            Guid? allianceId = null;
            string[] keys;
            DateOnly starts;
            if (random.Next(100) < 92)
            {
                agreement = PickWeighted(agreements, _ => 0, cumulative);
                var last = agreement.To is { } to && to < Today ? to : Today;
                var span = Math.Max(1, last.DayNumber - agreement.From.DayNumber);
                starts = agreement.From.AddDays(random.Next(span));
                keys = agreement.Keys;
            }
            else
            {
                var alliance = alliances[random.Next(alliances.Count)];
                allianceId = alliance.Id;
                keys = alliance.Keys;
                starts = new DateOnly(2016, 1, 1).AddDays(random.Next(Today.DayNumber - new DateOnly(2016, 1, 1).DayNumber));
            }
            var support = kind is ActivityKind.FinancialSupport or ActivityKind.EquipmentDonation && agreement is not null;
            await copy.StartRowAsync();
            await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await WriteOrNullAsync(copy, agreement?.Id, NpgsqlDbType.Uuid);
            await WriteOrNullAsync(copy, allianceId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(kind.ToString(), NpgsqlDbType.Varchar);
            await copy.WriteAsync($"{Titles[(int)kind]}（第{n % 997 + 1}期）", NpgsqlDbType.Varchar);
            await copy.WriteAsync(starts, NpgsqlDbType.Date);
            await copy.WriteAsync(starts.AddDays(random.Next(4)), NpgsqlDbType.Date);
            await copy.WriteAsync(agreement?.Receiver.Name ?? "联盟秘书处", NpgsqlDbType.Varchar);
            await copy.WriteAsync(5 + random.Next(120), NpgsqlDbType.Integer);
            await WriteOrNullAsync(copy, kind is ActivityKind.StudentExchange or ActivityKind.JointEnrolmentIntake ? 5 + random.Next(80) : (int?)null, NpgsqlDbType.Integer);
            await WriteOrNullAsync(copy, kind == ActivityKind.TeacherTraining ? 3 + random.Next(40) : (int?)null, NpgsqlDbType.Integer);
            await WriteOrNullAsync(copy, kind == ActivityKind.SkillsTraining ? 10 + random.Next(200) : (int?)null, NpgsqlDbType.Integer);
            if (support)
            {
                await copy.WriteAsync((decimal)(10_000 + random.Next(2_000_000)), NpgsqlDbType.Numeric);
                await copy.WriteAsync(agreement!.Giver.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(agreement.Receiver.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync("东西部协作专项资金", NpgsqlDbType.Varchar);
            }
            else
            {
                await copy.WriteNullAsync();
                await copy.WriteNullAsync();
                await copy.WriteNullAsync();
                await copy.WriteNullAsync();
            }
            await copy.WriteAsync(recorders[random.Next(recorders.Count)], NpgsqlDbType.Uuid);
            await copy.WriteAsync(new DateTimeOffset(starts.AddDays(7).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            await copy.WriteAsync(keys, NpgsqlDbType.Array | NpgsqlDbType.Text);
        }
        await copy.CompleteAsync();
        return total;
    }

    private static readonly string[] Titles =
        ["考察交流", "骨干教师培训", "学生交流学习", "专家讲座", "合作论坛", "研讨会", "资金帮扶", "设备捐赠", "联合招生", "技能培训"];

    private static Task WriteOrNullAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type) : copy.WriteNullAsync();

    private static Task WriteOrNullAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type) =>
        value is not null ? copy.WriteAsync(value, type) : copy.WriteNullAsync();
}
