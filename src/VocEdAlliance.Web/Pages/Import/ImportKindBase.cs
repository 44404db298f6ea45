using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Imports;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.Web.Pages.Import;

/// <summary>What checking rows needs: the database, the regions, the user and their authorization, the clock, the
/// words, and the page whose binding the rows go through.</summary>
public sealed record ImportContext(AppDbContext Db, RegionDirectory Regions, IAuthorizationService Authorization,
    ClaimsPrincipal User, TimeProvider Clock, IStringLocalizer T, ActionContext Page)
{
    /// <summary>Told (rows done, rows in all) as the rows are checked: the page's progress bar.</summary>
    public Action<int, int>? Progress { get; init; }
}

/// <summary>A column of an import: the resource key of its header (with the header's arguments: "party 3"), the
/// input property its cells bind to, whether it must be there, and the suffix of its explanation's resource key.</summary>
public sealed record ImportField(string Header, string Property, bool Required)
{
    public object[] HeaderArguments { get; init; } = [];
    public string Explained { get; init; } = Property;

    public static implicit operator ImportField((string Header, string Property, bool Required) field) => FromTuple(field);

    public static ImportField FromTuple((string Header, string Property, bool Required) field) => new(field.Header, field.Property, field.Required);
}

/// <summary>One kind of record a file can bring in: its columns (the form's labels; an export of its list imports
/// back) and how a row is checked and applied.</summary>
public abstract class ImportKindBase(RowBinding binding, IStringLocalizer t)
{
    private static readonly string[] Languages = ["zh-CN", "en"];

    protected RowBinding Binding => binding;
    protected IStringLocalizer T => t;

    public abstract ImportKind Kind { get; }

    /// <summary>The template's columns.</summary>
    protected abstract IReadOnlyList<ImportField> Fields { get; }

    /// <summary>The columns a file is read by, given its headers: the template's, unless a kind takes more (an
    /// agreement of five parties exports a fifth party's columns).</summary>
    protected virtual IReadOnlyList<ImportField> FieldsFor(IReadOnlyList<string> headers) => Fields;

    /// <summary>What the instructions sheet says of a column.</summary>
    protected virtual string Explain(ImportField field) => t[$"Import.Explain.{Kind}.{field.Explained}"];

    protected string HeaderOf(ImportField field) => t[field.Header, field.HeaderArguments].Value;

    /// <summary>How an existing record is matched (a line of the instructions).</summary>
    public abstract string MatchingNote { get; }

    /// <summary>The values a column's drop-down offers (null: free text).</summary>
    protected virtual IReadOnlyList<string>? Choices(string property) => null;

    public IReadOnlyList<ImportColumn> Columns =>
        [.. Fields.Select(f => new ImportColumn(HeaderOf(f), f.Required, Explain(f), Choices(f.Property)))];

    public IReadOnlyList<string> RequiredHeaders => [.. Fields.Where(f => f.Required).Select(HeaderOf)];

    /// <summary>Checks every row. The accepted rows' changes are left in the context (with <paramref name="apply"/>,
    /// created records added too): the caller saves them all in one transaction when no row is refused, and clears the
    /// context otherwise (or after a dry run).</summary>
    public async Task<IReadOnlyList<RowResult>> CheckAsync(UploadedSheet sheet, ImportContext context, bool apply)
    {
        var columns = FieldsFor(sheet.Headers).Select(f => (f.Property, Header: HeaderOf(f))).ToList();
        var headers = columns.ToDictionary(c => c.Property, c => c.Header);
        var indexes = columns.ToDictionary(c => c.Property, c => sheet.Headers.ToList().IndexOf(c.Header));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<RowResult>(sheet.Rows.Count);
        await PrepareAsync(sheet.Rows.Select(r => indexes.ToDictionary(c => c.Key, c => Cell(r.Cells, c.Value))).ToList(), context);
        foreach (var (number, cells) in sheet.Rows)
        {
            var values = indexes.ToDictionary(c => c.Key, c => Cell(cells, c.Value));
            var problems = new List<RowProblem>();
            var errors = new ModelStateDictionary();
            var (outcome, key) = await CheckRowAsync(new Dictionary<string, string?>(values), context, apply, problems, errors);
            if (key is not null && seen.TryGetValue(key, out var first))
            {
                problems.Add(new RowProblem(null, t["Import.DuplicateInFile", first]));
            }
            else if (key is not null)
            {
                seen[key] = number;
            }
            // A column already refused here (a value not among the choices) is not also said to be empty.
            var said = problems.Select(p => p.Column).OfType<string>().ToHashSet(StringComparer.Ordinal);
            problems = [.. problems.Select(p => p with { Column = p.Column is { } property ? headers.GetValueOrDefault(property, property) : null }),
                .. errors.Where(e => e.Value is { Errors.Count: > 0 })
                    .Select(e => (Property: e.Key.StartsWith("Input.", StringComparison.Ordinal) ? e.Key[6..] : e.Key, e.Value!.Errors))
                    .Where(e => !said.Contains(e.Property))
                    .SelectMany(e => e.Errors.Select(error => new RowProblem(headers.GetValueOrDefault(e.Property), error.ErrorMessage)))];
            results.Add(new RowResult(number, problems.Count > 0 ? RowOutcome.Refused : outcome,
                columns.ToDictionary(c => c.Header, c => values[c.Property]), problems));
            if (results.Count % 200 == 0)
            {
                context.Progress?.Invoke(results.Count, sheet.Rows.Count);
            }
        }
        context.Progress?.Invoke(results.Count, sheet.Rows.Count);
        return results;
    }

    /// <summary>A cell as the row's value: trimmed, and what an export wrote to keep a formula from running (a leading
    /// apostrophe) taken back, so that an export imports as it was.</summary>
    private static string? Cell(IReadOnlyList<string?> cells, int index) =>
        index >= 0 && index < cells.Count && cells[index]?.Trim() is { } text ? VocEdAlliance.Web.Summaries.TableExport.Restore(text) : null;

    /// <summary>Reads at once what the rows will look up one by one (the records they may match), so that a file of
    /// 10,000 rows costs a few queries, not 10,000.</summary>
    protected virtual Task PrepareAsync(IReadOnlyList<Dictionary<string, string?>> rows, ImportContext context) => Task.CompletedTask;

    /// <summary>Checks one row (cells by input property) and, when it is accepted, applies it to the context; returns
    /// what it does and its natural key (a key twice in a file is refused the second time).</summary>
    protected abstract Task<(RowOutcome Outcome, string? Key)> CheckRowAsync(Dictionary<string, string?> fields, ImportContext context,
        bool apply, List<RowProblem> problems, ModelStateDictionary errors);

    private readonly Dictionary<string, OrganisationLookup.Found?> organisations = new(StringComparer.Ordinal);

    /// <summary>An organisation a row names (party, member), as the forms find it (<see cref="OrganisationLookup"/>),
    /// looked up once a file: a name on 10,000 rows costs one query, not 10,000.</summary>
    protected async Task<OrganisationLookup.Found?> FindOrganisationAsync(AppDbContext db, string typed)
    {
        var key = typed.Trim();
        if (!organisations.TryGetValue(key, out var found))
        {
            organisations[key] = found = await OrganisationLookup.FindAsync(db, key);
        }
        return found;
    }

    /// <summary>A drop-down's value as the form would post it: the label in either language, or the value's name.</summary>
    protected void ReadChoice<TEnum>(Dictionary<string, string?> fields, string property, List<RowProblem> problems) where TEnum : struct, Enum
    {
        if (fields[property] is { Length: > 0 } text)
        {
            fields[property] = ChoiceOf<TEnum>(text, property, problems);
        }
    }

    /// <summary>One value of a choice as its name; null, and a problem next to the column, when it is not one.</summary>
    protected string? ChoiceOf<TEnum>(string text, string property, List<RowProblem> problems) where TEnum : struct, Enum
    {
        if (Labels<TEnum>().TryGetValue(text, out var name))
        {
            return name;
        }
        problems.Add(new RowProblem(property, t["Import.NotAChoice", text, string.Join("、", Enum.GetValues<TEnum>().Select(v => t.Enum(v)))]));
        return null;
    }

    private readonly Dictionary<Type, Dictionary<string, string>> labels = [];

    /// <summary>Every way a value of the enum may be written (its name, its label in each language), to its name:
    /// worked out once a file.</summary>
    private Dictionary<string, string> Labels<TEnum>() where TEnum : struct, Enum
    {
        if (!labels.TryGetValue(typeof(TEnum), out var map))
        {
            map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var saved = CultureInfo.CurrentUICulture;
            try
            {
                foreach (var culture in Languages)
                {
                    CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                    foreach (var value in Enum.GetValues<TEnum>())
                    {
                        map.TryAdd(t.Enum(value), value.ToString());
                    }
                }
            }
            finally
            {
                CultureInfo.CurrentUICulture = saved;
            }
            foreach (var value in Enum.GetValues<TEnum>())
            {
                map[value.ToString()] = value.ToString();
            }
            labels[typeof(TEnum)] = map;
        }
        return map;
    }

    /// <summary>A date typed into a spreadsheet's date cell arrives as its serial number (days since 1899-12-30):
    /// written as yyyy-MM-dd for the portal's date rule. Text that reads as a year, a month or a day (2016, 2016.4,
    /// 2016.12) is never taken for a serial (a day of 1905): a field that takes a year or a month reads it as such, a
    /// field that wants a day says it is not one.</summary>
    protected static void ReadSpreadsheetDate(Dictionary<string, string?> fields, string property)
    {
        if (fields[property] is { Length: > 0 } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial is >= 1 and < 2_958_466 && !text.Contains('-', StringComparison.Ordinal) && PartialDate.Parse(text.Trim()) is null)
        {
            fields[property] = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }
}
