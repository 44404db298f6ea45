using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Imports;
using VocEdAlliance.Web.Domain.Programmes;
using VocEdAlliance.Web.Pages.Programmes;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Import;

/// <summary>Programmes from a spreadsheet: the columns of the programmes export (the major category is worked out from
/// the code, and read from no column). A row names a school the user keeps programmes of (by its exact name or unified
/// social credit code), is bound and checked as the programme form is (<see cref="ProgrammeInput"/>,
/// <see cref="Programme.Change"/>), and names its key industry by its exact name among those of the school's region and
/// the regions above it. A row matches the school's programme with the same catalogue code; its yearly figures are kept
/// in the portal (the form), not in the file.</summary>
public sealed class ProgrammeImport(RowBinding binding, IStringLocalizer t) : ImportKindBase(binding, t)
{
    private const string School = "School";
    private const string KeyIndustryName = "KeyIndustry";

    private readonly Dictionary<Guid, List<Programme>> programmesOf = [];
    private readonly Dictionary<string, List<KeyIndustry>> industriesOf = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Domain.Organisations.Institution?> schools = [];

    public override ImportKind Kind => ImportKind.Programmes;

    protected override IReadOnlyList<ImportField> Fields { get; } =
    [
        ("Field.Institution", School, true),
        ("Field.ProgrammeName", nameof(ProgrammeInput.Name), true),
        ("Field.ProgrammeLevel", nameof(ProgrammeInput.Level), true),
        ("Field.CatalogueCode", nameof(ProgrammeInput.CatalogueCode), true),
        ("Field.OpenedIn", nameof(ProgrammeInput.OpenedIn), false),
        ("Field.ClosedIn", nameof(ProgrammeInput.ClosedIn), false),
        ("Field.ClosedReason", nameof(ProgrammeInput.ClosedReason), false),
        ("Field.DownsizedIn", nameof(ProgrammeInput.DownsizedIn), false),
        ("Field.DownsizedReason", nameof(ProgrammeInput.DownsizedReason), false),
        ("Field.KeyIndustry", KeyIndustryName, false),
    ];

    public override string MatchingNote => T["Import.Instructions.Matching.Programmes"];

    protected override IReadOnlyList<string>? Choices(string property) =>
        property == nameof(ProgrammeInput.Level) ? [.. Enum.GetValues<ProgrammeLevel>().Select(l => T.Enum(l))] : null;

    protected override async Task<(RowOutcome Outcome, string? Key)> CheckRowAsync(Dictionary<string, string?> fields, ImportContext context,
        bool apply, List<RowProblem> problems, ModelStateDictionary errors)
    {
        ReadChoice<ProgrammeLevel>(fields, nameof(ProgrammeInput.Level), problems);
        var form = new Dictionary<string, string?>(fields);
        form.Remove(School);
        form.Remove(KeyIndustryName);
        var (input, bound) = await Binding.BindAsync<ProgrammeInput>(context.Page, form);
        errors.Merge(bound);
        var typed = fields[School];
        var found = typed is { Length: > 0 } ? await FindOrganisationAsync(context.Db, typed) : null;
        var school = found is null ? null : await SchoolAsync(context, found.Id);
        if (typed is { Length: > 0 } && (school is null || !ProgrammeAuthorizationHandler.KeepsProgrammesOf(context.User, context.Db.Access, school.Id)))
        {
            problems.Add(new RowProblem(School, T["Import.Programme.SchoolNotFound", typed]));
        }
        var key = school is not null && input.CatalogueCode is { Length: > 0 } code ? $"{school.Id}|{code.Trim()}" : null;
        if (school is null || problems.Count > 0 || !errors.IsValid)
        {
            return (RowOutcome.Refused, key);
        }
        Guid? industryId = null;
        if (fields[KeyIndustryName] is { Length: > 0 } industryName)
        {
            industryId = (await IndustriesOfAsync(context, school.RegionCode)).Where(k => k.Name == industryName).Select(k => (Guid?)k.Id).FirstOrDefault();
            if (industryId is null)
            {
                problems.Add(new RowProblem(KeyIndustryName, T["Import.Programme.KeyIndustryNotFound", industryName]));
                return (RowOutcome.Refused, key);
            }
        }
        if (!programmesOf.TryGetValue(school.Id, out var existing))
        {
            programmesOf[school.Id] = existing = await context.Db.Programmes.Where(p => p.InstitutionId == school.Id).ToListAsync();
        }
        var same = existing.Where(p => p.CatalogueCode == input.CatalogueCode!.Trim()).ToList();
        if (same.Count > 1)
        {
            problems.Add(new RowProblem(nameof(ProgrammeInput.CatalogueCode), T["Import.Programme.CodeTwice"]));
            return (RowOutcome.Refused, key);
        }
        var matched = same.SingleOrDefault();
        var details = input.ToDetails() with { KeyIndustryId = industryId, Years = matched?.Years ?? [] };
        try
        {
            if (matched is null)
            {
                var created = Programme.Create(school, details);
                existing.Add(created);
                if (apply)
                {
                    context.Db.Programmes.Add(created);
                }
                return (RowOutcome.New, key);
            }
            if (Says(matched, details))
            {
                return (RowOutcome.Unchanged, key);
            }
            matched.Change(details);
        }
        catch (DomainException refusal)
        {
            errors.AddRefusal(refusal, T);
            return (RowOutcome.Refused, key);
        }
        return (RowOutcome.Updated, key);
    }

    /// <summary>Whether a row says what the programme already says (its yearly figures aside).</summary>
    private static bool Says(Programme programme, ProgrammeDetails details)
    {
        static string? Normal(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return programme.Name == Normal(details.Name) && programme.Level == details.Level && programme.CatalogueCode == details.CatalogueCode.Trim()
               && programme.OpenedIn == details.OpenedIn && programme.ClosedIn == details.ClosedIn && programme.ClosedReason == Normal(details.ClosedReason)
               && programme.DownsizedIn == details.DownsizedIn && programme.DownsizedReason == Normal(details.DownsizedReason)
               && programme.KeyIndustryId == details.KeyIndustryId;
    }

    /// <summary>The school a row names, when the user may see it (looked up once a file).</summary>
    private async Task<Domain.Organisations.Institution?> SchoolAsync(ImportContext context, Guid id)
    {
        if (!schools.TryGetValue(id, out var school))
        {
            schools[id] = school = await context.Db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        }
        return school;
    }

    /// <summary>The key industries of a school's region and the regions above it (looked up once a region).</summary>
    private async Task<List<KeyIndustry>> IndustriesOfAsync(ImportContext context, string regionCode)
    {
        if (!industriesOf.TryGetValue(regionCode, out var industries))
        {
            industriesOf[regionCode] = industries = await KeyIndustryOptions.ForRegionAsync(context.Db, regionCode);
        }
        return industries;
    }
}
