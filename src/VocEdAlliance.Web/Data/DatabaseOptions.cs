namespace VocEdAlliance.Web.Data;

/// <summary>What the portal does to its database when it starts (section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations (creating the database if needed) before serving.</summary>
    public bool ApplyMigrations { get; set; }

    /// <summary>Drop and recreate the database first (<c>scripts/run --reset</c> against an external server).</summary>
    public bool Recreate { get; set; }

    /// <summary>Load the demo accounts and demo records.</summary>
    public bool SeedDemo { get; set; }
}
