using Microsoft.EntityFrameworkCore.Migrations;
using VocEdAlliance.Web.Summaries;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <summary>The summaries read model, version 2: <c>Summaries/Sql/V002_summary_rules.sql</c> (one definition of every
    /// figure; see docs/summaries.md). It replaces version 1 (migration <c>SummaryRollups</c>) and recounts everything.</summary>
    public partial class SummaryRulesV2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SummarySql.Read("V002_summary_rules"));

        /// <summary>Version 1 counted by other rules; going back would bring its wrong figures back. Roll forward with a
        /// new version instead.</summary>
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("The summaries read model does not go back to version 1; apply a new version instead.");
    }
}
