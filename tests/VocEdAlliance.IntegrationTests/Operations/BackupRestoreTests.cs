using System.Diagnostics;

namespace VocEdAlliance.IntegrationTests.Operations;

/// <summary>The restore drill (docs/operations.md): <c>scripts/backup</c> of the shared test database while the other
/// tests write to it, <c>scripts/restore</c> into a new database — every table's rows and checksum as backed up, the
/// summaries' rollups equal to a recount — and the restored portal data is the backed-up data.</summary>
public class BackupRestoreTests(PortalFixture portal)
{
    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VocEdAlliance.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (VocEdAlliance.sln) is not above the test's folder.");
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string script, string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Root(), "scripts", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ConnectionStrings__Default"] = connectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await errors);
    }

    [Fact]
    public async Task A_backup_taken_while_the_portal_writes_restores_into_a_new_database_with_every_row_and_the_same_summaries()
    {
        var folder = Directory.CreateTempSubdirectory("vocedalliance-backup-");
        var restored = $"voced_restored_{Guid.NewGuid():N}"[..40];
        try
        {
            // Something recorded just before the backup is in it (in Hainan's Haikou, where nothing else is counted).
            var (agreement, _) = await portal.CreatePairingWithActivityAsync("460105", "460106");

            var backup = await RunAsync("backup", portal.ConnectionString, "--out", folder.FullName);
            Assert.True(backup.ExitCode == 0, backup.Errors);
            var dump = backup.Output.Trim().Split('\n')[^1];
            Assert.True(File.Exists(dump) && File.Exists(dump + ".manifest"), backup.Output);
            var manifest = File.ReadAllLines(dump + ".manifest").Select(l => l.Split('\t')).ToDictionary(c => c[0], c => long.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("documents", manifest.Keys);
            Assert.True(manifest["agreements"] > 0);

            var restore = await RunAsync("restore", portal.ConnectionString, dump, "--database", restored);
            Assert.True(restore.ExitCode == 0, restore.Output + restore.Errors);
            Assert.Contains("verified", restore.Errors, StringComparison.Ordinal);

            await using (var connection = new Npgsql.NpgsqlConnection(TestPostgres.ConnectionString(restored)))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM agreements", connection);
                Assert.Equal(manifest["agreements"], (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
                await using var recorded = new Npgsql.NpgsqlCommand("SELECT count(*) FROM agreements WHERE id = @id", connection);
                recorded.Parameters.AddWithValue("id", agreement.Id);
                Assert.Equal(1L, (long)(await recorded.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
            }

            // A restore never goes over an existing database.
            var again = await RunAsync("restore", portal.ConnectionString, dump, "--database", restored);
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("already exists", again.Errors, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
            await TestPostgres.DropDatabaseAsync(restored);
        }
    }
}
