using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VocEdAlliance.Web.Data.Configurations;

/// <summary>A list of small records kept as one <c>jsonb</c> column (an agreement's quotas, a programme's years): enums
/// by name, compared by value so that a change of one item is saved.</summary>
public static class JsonListColumn
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<List<T>> IsJsonList<T>(this PropertyBuilder<List<T>> property) =>
        property.HasColumnType("jsonb").IsRequired()
            .HasConversion(
                items => JsonSerializer.Serialize(items, Options),
                json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>(),
                new ValueComparer<List<T>>((x, y) => x!.SequenceEqual(y!), items => items.Aggregate(0, (h, x) => HashCode.Combine(h, x)), items => items.ToList()));
}
