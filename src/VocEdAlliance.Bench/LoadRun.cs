using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace VocEdAlliance.Bench;

/// <summary>One measured page: who asked, what, and how fast the portal answered.</summary>
public sealed record PageResult(string Role, string Page, string Url, double Scale, int Concurrency, long Requests, long Errors,
    double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms);

/// <summary>Drives the running portal with concurrent signed-in clients (a .NET load generator: keep-alive connections,
/// every response read to the end, any status other than 200 an error) and measures each page in turn.</summary>
public sealed partial class LoadRun(Uri portal, string connectionString, double scale, TimeSpan duration, int concurrency, TextWriter log)
{
    private sealed record Target(string Role, string Email, string? AccessKey);

    public async Task<List<PageResult>> RunAsync()
    {
        var results = new List<PageResult>();
        var targets = new[]
        {
            new Target("ministry", "ministry@bench.local", null),
            new Target("province", "province@bench.local", await AccessKeyAsync("province@bench.local")),
            new Target("county", "county@bench.local", await AccessKeyAsync("county@bench.local")),
            new Target("principal", "principal@bench.local", await AccessKeyAsync("principal@bench.local")),
        };
        foreach (var target in targets)
        {
            using var client = await SignedInClientAsync(target.Email);
            var agreement = await VisibleIdAsync("agreements", target.AccessKey);
            var alliance = await VisibleIdAsync("alliances", target.AccessKey);
            var pages = new List<(string Page, string Url)>();
            if (target.Role == "ministry")
            {
                pages.Add(("floor", "/Benchmark/Floor"));
            }
            pages.Add(("home", "/"));
            pages.Add(("agreements p1", "/Agreements?Status=Active"));
            pages.Add(("agreements p200", "/Agreements?Status=Active&p=200"));
            if (agreement is not null)
            {
                pages.Add(("agreement details", $"/Agreements/{agreement}"));
            }
            pages.Add(("activities", "/Activities"));
            if (alliance is not null)
            {
                pages.Add(("alliance details", $"/Alliances/{alliance}"));
            }
            if (target.Role != "principal")
            {
                pages.Add(("summaries", "/Summaries"));
                pages.Add(("summaries filtered", "/Summaries?from=2020&to=2024&zone=West"));
                pages.Add((AfterAWrite, "/Summaries?from=2020&to=2024&zone=West"));
            }
            var activity = await VisibleIdAsync("activities", target.AccessKey);
            if (target.Role == "ministry")
            {
                results.Add(await ExportAsync(client, target.Role, "export activities of 2024 (csv, every row)", "/Activities?handler=Export&format=csv&year=2024"));
                results.Add(await ExportAsync(client, target.Role, "export institutions (xlsx, every row)", "/Institutions?handler=Export&format=xlsx"));
            }
            if (target.Role == "county")
            {
                results.Add(await ImportAsync(client, target.Role));
            }
            foreach (var (page, url) in pages)
            {
                // Right after a write, nothing is cached: every request follows a change to an activity the user sees
                // (made here, untimed), so the portal recounts it and works the page out again.
                var result = await MeasureAsync(client, target.Role, page, url,
                    page == AfterAWrite && activity is { } changed ? () => TouchAsync(changed) : null);
                log.WriteLine($"  {scale,5}x {target.Role,-9} {page,-18} {result.RequestsPerSecond,8:F1} req/s  p50 {result.P50Ms,7:F1} ms  p95 {result.P95Ms,7:F1} ms  errors {result.Errors}");
                results.Add(result);
            }
        }
        return results;
    }

    public const string Import = "import 10,000 institutions (check + commit)";

    /// <summary>One export of every row a list has for the reader, timed to its last byte (the portal streams it).</summary>
    private async Task<PageResult> ExportAsync(HttpClient client, string role, string page, string url)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var bytes = 0L;
        var buffer = new byte[81920];
        for (int read; (read = await body.ReadAsync(buffer)) > 0;)
        {
            bytes += read;
        }
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        log.WriteLine($"  {scale,5}x {role,-9} {page}: {ms:F0} ms, {bytes / 1024.0 / 1024.0:F1} MB");
        return new PageResult(role, page, url, scale, 1, 1, response.StatusCode == HttpStatusCode.OK ? 0 : 1, 1000 / ms, ms, ms, ms);
    }

    /// <summary>A county bureau imports 10,000 new institutions of its county: the upload's check (dry run) and the
    /// commit, timed together (issue 12: at most 10 s).</summary>
    private async Task<PageResult> ImportAsync(HttpClient client, string role)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT o.region_code FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = 'county@bench.local'", connection);
        var county = (string)(await command.ExecuteScalarAsync())!;
        var run = Guid.NewGuid().ToString("N")[..6];
        var csv = new StringBuilder("名称,英文名称,统一社会信用代码,类型,办学性质,地区代码,地址,校长或法定代表人,联系电话,建校（成立）年份,在校生人数\r\n");
        for (var i = 0; i < 10_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"基准导入{run}第{i}校,,,中等职业学校,公办,{county},,,,2001,{500 + i % 900}\r\n");
        }
        var page = await client.GetStringAsync("/Import?kind=Institutions");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var started = Stopwatch.GetTimestamp();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "bench.csv" },
        };
        using var checkedResponse = await client.PostAsync("/Import?handler=Check&kind=Institutions", form);
        var checkedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var errors = checkedResponse.StatusCode == HttpStatusCode.Redirect ? 0 : 1;
        var result = checkedResponse.Headers.Location is { } location ? await client.GetStringAsync(location)
            : $"{(int)checkedResponse.StatusCode} {await checkedResponse.Content.ReadAsStringAsync()}";
        var commit = CommitForm().Match(result);
        if (!commit.Success)
        {
            var said = Regex.Match(result, "data-testid=\"summary\"[^>]*>([^<]*)<").Groups[1].Value.Trim();
            var problem = Regex.Match(result, "data-testid=\"cell-problem\">([^<]*)<").Groups[1].Value;
            log.WriteLine($"  {scale,5}x {role,-9} {Import}: nothing to commit ({said} {problem} {checkedResponse.Headers.Location} {Regex.Match(result, "<h1[^>]*>([^<]*)<").Groups[1].Value})");
            return new PageResult(role, Import, "/Import", scale, 1, 1, 1, 0, checkedMs, checkedMs, checkedMs);
        }
        var commitStarted = Stopwatch.GetTimestamp();
        using var committed = await client.PostAsync(System.Net.WebUtility.HtmlDecode(commit.Groups[1].Value), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(result[commit.Index..]).Groups[1].Value,
        }));
        var commitMs = Stopwatch.GetElapsedTime(commitStarted).TotalMilliseconds;
        errors += committed.StatusCode == HttpStatusCode.Redirect ? 0 : 1;
        var total = checkedMs + commitMs;
        log.WriteLine($"  {scale,5}x {role,-9} {Import}: check {checkedMs:F0} ms + commit {commitMs:F0} ms = {total:F0} ms");
        return new PageResult(role, Import, "/Import", scale, 1, 1, errors, 1000 / total, checkedMs, total, total);
    }

    [GeneratedRegex("<form [^>]*action=\"([^\"]*handler=Commit[^\"]*)\"")]
    private static partial Regex CommitForm();

    /// <summary>The page measured right after a write (the summaries' uncached path).</summary>
    public const string AfterAWrite = "summaries after a write";

    /// <summary>A change to an activity that the summaries count (its participants, back and forth): the summaries
    /// must recount its agreement before they answer.</summary>
    private async Task TouchAsync(Guid activity)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE activities SET participants = CASE WHEN participants IS NULL THEN 1 ELSE NULL END WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", activity);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string?> AccessKeyAsync(string email)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT o.type, o.id, o.region_code FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = @email
            """, connection);
        command.Parameters.AddWithValue("email", email);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetString(0) == "EducationBureau"
            ? Web.Domain.Access.AccessKeys.ForJurisdiction(reader.GetString(2))
            : Web.Domain.Access.AccessKeys.ForOrganisation(reader.GetGuid(1));
    }

    /// <summary>The most recent record of a table the user can see (any, for the ministry).</summary>
    private async Task<Guid?> VisibleIdAsync(string table, string? accessKey)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var order = table == "agreements" ? "effective_from DESC" : "id";
        await using var command = new NpgsqlCommand(
            $"SELECT id FROM {table} WHERE (@key::text IS NULL OR access_keys @> ARRAY[@key::text]){(table == "activities" ? " AND agreement_id IS NOT NULL" : "")} ORDER BY {order} LIMIT 1", connection);
        command.Parameters.AddWithValue("key", (object?)accessKey ?? DBNull.Value);
        return await command.ExecuteScalarAsync() as Guid?;
    }

    private async Task<HttpClient> SignedInClientAsync(string email)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(30),
        };
        var client = new HttpClient(handler) { BaseAddress = portal, Timeout = TimeSpan.FromSeconds(60) };
        var form = await client.GetStringAsync("/Account/SignIn");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = NationalData.Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode}.");
        }
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private async Task<PageResult> MeasureAsync(HttpClient client, string role, string page, string url, Func<Task>? before = null)
    {
        // Warm up (JIT, query plans, connection pool), then measure.
        await LoadAsync(client, url, TimeSpan.FromSeconds(Math.Min(1, duration.TotalSeconds / 4)), before);
        var clock = Stopwatch.StartNew();
        var (latencies, errors) = await LoadAsync(client, url, duration, before);
        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        return new PageResult(role, page, url, scale, concurrency, latencies.Count, errors, latencies.Count / elapsed,
            Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }

    /// <param name="before">Done before each request, untimed (a write).</param>
    private async Task<(List<double> Latencies, long Errors)> LoadAsync(HttpClient client, string url, TimeSpan length, Func<Task>? before)
    {
        var stop = Stopwatch.StartNew();
        var errors = 0L;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var mine = new List<double>();
            while (stop.Elapsed < length)
            {
                if (before is not null)
                {
                    await before();
                }
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return mine;
        }).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).ToList();
        return (all, errors);
    }
}
