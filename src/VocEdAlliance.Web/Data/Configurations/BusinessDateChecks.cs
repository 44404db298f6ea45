using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain;

namespace VocEdAlliance.Web.Data.Configurations;

/// <summary>The database's own copy of <see cref="BusinessDates"/>: a date column outside 1900-01-01..2100-12-31 is
/// refused by a CHECK constraint, whatever wrote it (a bulk load, a script, a future door that forgot the rules).
/// Year-based figures such as the summary rollups rely on it.</summary>
internal static class BusinessDateChecks
{
    public static void HasBusinessDates<T>(this EntityTypeBuilder<T> builder, string table, params string[] columns)
        where T : class =>
        builder.ToTable(t =>
        {
            foreach (var column in columns)
            {
                t.HasCheckConstraint($"ck_{table}_{column}_in_range",
                    $"{column} BETWEEN DATE '{BusinessDates.Earliest:yyyy-MM-dd}' AND DATE '{BusinessDates.Latest:yyyy-MM-dd}'");
            }
        });

    /// <summary>The precision beside a date that may be only a year or a month (<see cref="PartialDate"/>): by name, a
    /// full date unless said otherwise (rows written before it existed are days).</summary>
    public static PropertyBuilder<DatePrecision> IsDatePrecision(this PropertyBuilder<DatePrecision> property) =>
        property.HasConversion<string>().HasMaxLength(10).HasDefaultValue(DatePrecision.Day).HasSentinel(DatePrecision.Day);
}
