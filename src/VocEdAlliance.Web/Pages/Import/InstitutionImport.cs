using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Domain.Imports;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Pages.Institutions;
using VocEdAlliance.Web.Data;
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

/// <summary>Institutions from a spreadsheet: the columns of the institutions export, each row bound and checked as the
/// create and edit forms are (<see cref="RowBinding"/>, <see cref="InstitutionInput.CreateAsync"/>,
/// <see cref="InstitutionInput.UpdateAsync"/>). An existing institution is matched by its unified social credit code,
/// or, without one, by its exact name in the same region; matched rows update it, the others create one.</summary>
public sealed class InstitutionImport(RowBinding binding, IStringLocalizer t) : ImportKindBase(binding, t)
{
    private Dictionary<string, Institution> byCode = [];
    private ILookup<(string Name, string Region), Institution> byName = Array.Empty<Institution>().ToLookup(i => (i.Name, i.RegionCode));

    public override ImportKind Kind => ImportKind.Institutions;

    protected override IReadOnlyList<ImportField> Fields { get; } =
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
        ("Field.Website", nameof(InstitutionInput.Website), false),
    ];

    public override string MatchingNote => T["Import.Instructions.Matching.Institutions"];

    protected override IReadOnlyList<string>? Choices(string property) => property switch
    {
        nameof(InstitutionInput.Kind) => [.. Enum.GetValues<InstitutionKind>().Select(k => T.Enum(k))],
        nameof(InstitutionInput.Ownership) => [.. Enum.GetValues<Ownership>().Select(o => T.Enum(o))],
        _ => null,
    };

    protected override async Task<(RowOutcome Outcome, string? Key)> CheckRowAsync(Dictionary<string, string?> fields, ImportContext context,
        bool apply, List<RowProblem> problems, ModelStateDictionary errors)
    {
        ReadChoice<InstitutionKind>(fields, nameof(InstitutionInput.Kind), problems);
        ReadChoice<Ownership>(fields, nameof(InstitutionInput.Ownership), problems);
        var (input, bound) = await Binding.BindAsync<InstitutionInput>(context.Page, fields);
        errors.Merge(bound);
        var key = input.CreditCode is { Length: > 0 } code ? "code:" + code.ToUpperInvariant()
            : input.Name is { Length: > 0 } name ? $"name:{name}|{input.Region}" : null;
        if (problems.Count > 0 || !errors.IsValid)
        {
            return (RowOutcome.Refused, key);
        }
        var rules = new InstitutionRules(context.Db, context.Regions, context.Authorization, context.User, context.Clock.GetLocalNow().Year, T);
        if (await FindAsync(rules.Regions, input) is not { } existing)
        {
            if (await input.CreateAsync(rules, errors) is not { } created)
            {
                return (RowOutcome.Refused, key);
            }
            if (apply)
            {
                context.Db.Institutions.Add(created);
            }
            return (RowOutcome.New, key);
        }
        input.Version = existing.Version;
        if (!await input.UpdateAsync(existing, rules, errors))
        {
            return (RowOutcome.Refused, key);
        }
        context.Db.ChangeTracker.DetectChanges();
        return (context.Db.Entry(existing).State == EntityState.Modified ? RowOutcome.Updated : RowOutcome.Unchanged, key);
    }

    /// <summary>The institutions the rows may mean, among those the user may see, read in one go (tracked: a matched
    /// row changes it), by credit code and by name.</summary>
    protected override async Task PrepareAsync(IReadOnlyList<Dictionary<string, string?>> rows, ImportContext context)
    {
        var codes = rows.Select(r => r[nameof(InstitutionInput.CreditCode)]?.ToUpperInvariant()).OfType<string>().Where(c => c.Length > 0).Distinct().ToList();
        var names = rows.Select(r => r[nameof(InstitutionInput.Name)]).OfType<string>().Where(n => n.Length > 0).Distinct().ToList();
        var found = new List<Institution>();
        foreach (var chunk in codes.Chunk(5000))
        {
            found.AddRange(await context.Db.Institutions.Where(i => chunk.Contains(i.CreditCode!)).ToListAsync());
        }
        foreach (var chunk in names.Chunk(5000))
        {
            found.AddRange(await context.Db.Institutions.Where(i => chunk.Contains(i.Name) && i.CreditCode == null).ToListAsync());
        }
        byCode = found.Where(i => i.CreditCode is not null).DistinctBy(i => i.Id).ToDictionary(i => i.CreditCode!, StringComparer.Ordinal);
        byName = found.Where(i => i.CreditCode is null).DistinctBy(i => i.Id).OrderBy(i => i.Id).ToLookup(i => (i.Name, i.RegionCode));
    }

    /// <summary>The institution a row means, among those the user may see: by credit code, else by name and region.</summary>
    private async Task<Institution?> FindAsync(RegionDirectory regions, InstitutionInput input)
    {
        if (input.CreditCode is { Length: > 0 } given)
        {
            return byCode.GetValueOrDefault(given.ToUpperInvariant());
        }
        var (region, _) = await regions.ResolveLocationAsync(input.Region);
        return region is null || input.Name is null ? null : byName[(input.Name, region)].FirstOrDefault();
    }
}
