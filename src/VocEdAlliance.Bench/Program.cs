using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Npgsql;
using VocEdAlliance.Bench;

// scripts/bench drives this tool; see docs/benchmarks.md.
//   generate --connection CS --scale S [--seed N]
//   measure  --connection CS --url URL --scale S --duration SECONDS --concurrency N --pid PORTAL_PID --out FILE.json
//   report   --out FILE.json --markdown FILE.md RUN.json [RUN.json ...]
var command = args.FirstOrDefault();
string Option(string name, string? fallback = null) =>
    args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"--{name} is required");
double Number(string name, string? fallback = null) => double.Parse(Option(name, fallback), CultureInfo.InvariantCulture);
var json = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

switch (command)
{
    case "generate":
    {
        var scale = Number("scale");
        Console.WriteLine($"generating national-scale data at {scale}x (seed {Option("seed", "20261123")})");
        await new NationalData(Option("connection"), scale, int.Parse(Option("seed", "20261123"), CultureInfo.InvariantCulture), Console.Out).RunAsync();
        return 0;
    }
    case "measure":
    {
        var scale = Number("scale");
        var connection = Option("connection");
        var results = await new LoadRun(new Uri(Option("url")), connection, scale, TimeSpan.FromSeconds(Number("duration")),
            (int)Number("concurrency"), Console.Out).RunAsync();
        var run = new BenchRun(scale, await CountsAsync(connection), PeakMemoryMb((int)Number("pid")), results);
        await File.WriteAllTextAsync(Option("out"), JsonSerializer.Serialize(run, json));
        Console.WriteLine($"  portal peak memory: {run.PeakMemoryMb:F0} MB");
        return 0;
    }
    case "report":
    {
        var runs = new List<BenchRun>();
        foreach (var file in args.Where(a => a.EndsWith(".json", StringComparison.Ordinal) && a != Option("out")))
        {
            runs.Add(JsonSerializer.Deserialize<BenchRun>(await File.ReadAllTextAsync(file), json)!);
        }
        var report = BenchReport.Build(runs, await MachineAsync());
        await File.WriteAllTextAsync(Option("out"), JsonSerializer.Serialize(report, json));
        await BenchReport.WriteMarkdownAsync(report, Option("markdown"));
        Console.WriteLine(string.Join(Environment.NewLine, report.Targets.Select(t => $"  {(t.Met ? "met   " : "MISSED")} {t.Name}: {t.Measured}")));
        return 0;
    }
    default:
        Console.Error.WriteLine("usage: VocEdAlliance.Bench generate|measure|report … (see scripts/bench)");
        return 2;
}

static async Task<Dictionary<string, long>> CountsAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    var counts = new Dictionary<string, long>();
    foreach (var table in new[] { "organisations", "users", "alliances", "alliance_members", "agreements", "agreement_parties", "activities" })
    {
        await using var count = new NpgsqlCommand($"SELECT reltuples::bigint FROM pg_class WHERE relname = '{table}'", connection);
        counts[table] = (long)(await count.ExecuteScalarAsync())!;
    }
    return counts;
}

static double PeakMemoryMb(int pid)
{
    // VmHWM: the resident set's high-water mark over the portal's whole life.
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

static async Task<Dictionary<string, string>> MachineAsync()
{
    string Read(string path, string prefix) => File.Exists(path)
        ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.Split(prefix, 2)[1].Trim(' ', ':', '\t', '"') ?? "?"
        : "?";
    var facts = new Dictionary<string, string>
    {
        ["cpu"] = Read("/proc/cpuinfo", "model name"),
        ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
        ["memory"] = Read("/proc/meminfo", "MemTotal"),
        ["os"] = Read("/etc/os-release", "PRETTY_NAME="),
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["measured"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
    };
    if (Environment.GetEnvironmentVariable("BENCH_POSTGRES_VERSION") is { Length: > 0 } postgres)
    {
        facts["postgresql"] = postgres;
    }
    await Task.CompletedTask;
    return facts;
}
