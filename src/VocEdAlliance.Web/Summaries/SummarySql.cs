namespace VocEdAlliance.Web.Summaries;

/// <summary>The versioned SQL of the summaries read model (<c>Summaries/Sql/V###_*.sql</c>, embedded in the assembly),
/// each applied once by the migration named in its first line. A released version is never edited: a new rule is a new
/// file and a new migration.</summary>
public static class SummarySql
{
    public static string Read(string version)
    {
        using var stream = typeof(SummarySql).Assembly.GetManifestResourceStream($"VocEdAlliance.Summaries.{version}.sql")
            ?? throw new InvalidOperationException($"The summaries SQL {version} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
