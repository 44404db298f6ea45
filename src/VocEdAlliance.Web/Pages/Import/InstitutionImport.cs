using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Pages.Institutions;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.Web.Pages.Import;

/// <summary>What became of one row.</summary>
public enum RowOutcome
{
    New,
    Updated,
    Unchanged,
    Refused,
}

/// <summary>One problem of a row, next to its column (null: the row as a whole).</summary>
public sealed record RowProblem(string? Column, string Message);

/// <summary>A row as checked: its number in the file, its cells, what it would do or why it is refused.</summary>
public sealed record RowResult(int Row, RowOutcome Outcome, IReadOnlyDictionary<string, string?> Cells, IReadOnlyList<RowProblem> Problems);

/// <summary>Institutions from a spreadsheet: the columns of the institutions export (so an export imports back
/// unchanged), each row bound and checked as the create and edit forms are (<see cref="RowBinding"/>,
/// <see cref="InstitutionInput.CreateAsync"/>, <see cref="InstitutionInput.UpdateAsync"/>). An existing institution
/// is matched by its unified social credit code, or, without one, by its exact name in the same region; matched rows
/// update it, the others create one. A key twice in one file is refused the second time.</summary>
public sealed class InstitutionImport(RowBinding binding, IStringLocalizer t)
{
    /// <summary>(resource key of the header, input property, required).</summary>
    private static readonly (string Header, string Property, bool Required)[] Fields =
    [
        ("Field.Name", nameof(InstitutionInput.Name), true),
        ("Field.NameEn", nameof(InstitutionInput.NameEn), false),
        ("Field.CreditCode", nameof(InstitutionInput.CreditCode), false),
        ("Field.InstitutionKind", nameof(InstitutionInput.Kind), true),
        ("Field.Ownership", nameof(InstitutionInput.Ownership), true),
        ("Field.RegionCode", nameof(InstitutionInput.Region), true),
        ("Field.Address", nameof(InstitutionInput.Address), false),
        ("Field.Head", nameof(InstitutionInput.Head), false),
        ("Field.ContactPhone", nameof(InstitutionInput.ContactPhone), false),
        ("Field.FoundedYear", nameof(InstitutionInput.FoundedYear), false),
        ("Field.Enrolment", nameof(InstitutionInput.Enrolment), false),
    ];

    public IReadOnlyList<ImportColumn> Columns =>
    [
        .. Fields.Select(f => new ImportColumn(t[f.Header], f.Required, t[$"Import.Explain.Institution.{f.Property}"], f.Property switch
        {
            nameof(InstitutionInput.Kind) => [.. Enum.GetValues<InstitutionKind>().Select(k => t.Enum(k))],
            nameof(InstitutionInput.Ownership) => [.. Enum.GetValues<Ownership>().Select(o => t.Enum(o))],
            _ => null,
        })),
    ];

    public IReadOnlyList<string> RequiredHeaders => [.. Fields.Where(f => f.Required).Select(f => t[f.Header].Value)];

    /// <summary>Checks every row. The accepted rows' changes are left in the context (with <paramref name="apply"/>,
    /// created institutions added too): the caller saves them all in one transaction when no row is refused, and
    /// clears the context otherwise (or after a dry run).</summary>
    public async Task<IReadOnlyList<RowResult>> CheckAsync(UploadedSheet sheet, InstitutionRules rules, ActionContext page, bool apply)
    {
        var columns = Fields.Select(f => (f.Header, f.Property, Index: IndexOf(sheet, t[f.Header]))).ToList();
        var results = new List<RowResult>(sheet.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (number, cells) in sheet.Rows)
        {
            var values = columns.ToDictionary(c => c.Property, c => c.Index is { } i && i < cells.Count ? cells[i]?.Trim() : null);
            var problems = new List<RowProblem>();
            var fields = new Dictionary<string, string?>(values);
            ReadChoice<InstitutionKind>(fields, nameof(InstitutionInput.Kind), problems);
            ReadChoice<Ownership>(fields, nameof(InstitutionInput.Ownership), problems);
            var (input, errors) = await binding.BindAsync<InstitutionInput>(page, fields);
            var key = NaturalKey(input);
            if (key is not null && seen.TryGetValue(key, out var first))
            {
                problems.Add(new RowProblem(null, t["Import.DuplicateInFile", first]));
            }
            else if (key is not null)
            {
                seen[key] = number;
            }
            var outcome = RowOutcome.Refused;
            if (problems.Count == 0 && errors.IsValid)
            {
                var existing = await FindAsync(rules, input);
                if (existing is null)
                {
                    if (await input.CreateAsync(rules, errors) is { } created)
                    {
                        outcome = RowOutcome.New;
                        if (apply)
                        {
                            rules.Db.Institutions.Add(created);
                        }
                    }
                }
                else
                {
                    input.Version = existing.Version;
                    if (await input.UpdateAsync(existing, rules, errors))
                    {
                        rules.Db.ChangeTracker.DetectChanges();
                        outcome = rules.Db.Entry(existing).State == EntityState.Modified ? RowOutcome.Updated : RowOutcome.Unchanged;
                    }
                }
            }
            var headers = columns.ToDictionary(c => c.Property, c => t[c.Header].Value);
            problems = [.. problems.Select(p => p with { Column = p.Column is { } property ? headers.GetValueOrDefault(property, property) : null }),
                .. Problems(errors, headers)];
            results.Add(new RowResult(number, problems.Count > 0 ? RowOutcome.Refused : outcome,
                columns.ToDictionary(c => t[c.Header].Value, c => values[c.Property]), problems));
        }
        return results;
    }

    private static int? IndexOf(UploadedSheet sheet, string header)
    {
        var index = sheet.Headers.ToList().IndexOf(header);
        return index < 0 ? null : index;
    }

    /// <summary>A drop-down's value as the form would post it: the label in either language, or the value's name.</summary>
    private void ReadChoice<TEnum>(Dictionary<string, string?> fields, string property, List<RowProblem> problems) where TEnum : struct, Enum
    {
        if (fields[property] is not { Length: > 0 } text)
        {
            return;
        }
        var match = Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(v =>
            string.Equals(t.Enum(v!.Value), text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(v.Value.ToString(), text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Localized(v.Value, "en"), text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Localized(v.Value, "zh-CN"), text, StringComparison.Ordinal));
        if (match is null)
        {
            problems.Add(new RowProblem(property, t["Import.NotAChoice", text, string.Join("、", Enum.GetValues<TEnum>().Select(v => t.Enum(v)))]));
            fields[property] = null;
            return;
        }
        fields[property] = match.Value.ToString();
    }

    private string Localized<TEnum>(TEnum value, string culture) where TEnum : struct, Enum
    {
        var saved = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
            return t.Enum(value);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = saved;
        }
    }

    private static string? NaturalKey(InstitutionInput input) =>
        input.CreditCode is { Length: > 0 } code ? "code:" + code.ToUpperInvariant()
        : input.Name is { Length: > 0 } name ? $"name:{name}|{input.Region}" : null;

    /// <summary>The institution a row means, among those the user may see: by credit code, else by name and region.</summary>
    private static async Task<Institution?> FindAsync(InstitutionRules rules, InstitutionInput input)
    {
        if (input.CreditCode is { Length: > 0 } given)
        {
            var code = given.ToUpperInvariant();
            return await rules.Db.Institutions.SingleOrDefaultAsync(i => i.CreditCode == code);
        }
        var (region, _) = await rules.Regions.ResolveLocationAsync(input.Region);
        return region is null ? null
            : await rules.Db.Institutions.Where(i => i.Name == input.Name && i.RegionCode == region && i.CreditCode == null)
                .OrderBy(i => i.Id).FirstOrDefaultAsync();
    }

    /// <summary>The row's problems by column: keys <c>Input.X</c> (the form's) become the column's header.</summary>
    private static IEnumerable<RowProblem> Problems(ModelStateDictionary errors, Dictionary<string, string> headers) =>
        errors.Where(e => e.Value is { Errors.Count: > 0 }).SelectMany(e =>
        {
            var property = e.Key.StartsWith("Input.", StringComparison.Ordinal) ? e.Key["Input.".Length..] : e.Key;
            var column = headers.GetValueOrDefault(property);
            return e.Value!.Errors.Select(error => new RowProblem(column, error.ErrorMessage));
        });
}
