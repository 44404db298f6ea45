using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Imports;
using VocEdAlliance.Web.Pages.Agreements;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Import;

/// <summary>Agreements with their parties from a spreadsheet: the columns of the agreements export, one row an
/// agreement, each party in its own group of columns (organisation, signatory, title, day signed). A row is bound and
/// checked as the agreement forms are (<see cref="AgreementInput"/>, <see cref="AgreementInput.ToTermsAsync"/>), the
/// agreement recorded as the create form records one (<see cref="Agreement.Record"/>: the sides in the user's
/// jurisdiction confirm it, the others are asked to) or changed as the edit form changes one
/// (<see cref="Agreement.ChangeTerms"/>). An existing agreement is matched by its number, or, without one, by its exact
/// title and start date, among those the user may see; a row naming no party in the user's jurisdiction is refused.</summary>
public sealed class AgreementImport(RowBinding binding, IStringLocalizer t) : ImportKindBase(binding, t)
{
    /// <summary>The columns of one party (organisation, role, signatory, title, day signed).</summary>
    public const int ColumnsPerParty = 5;

    /// <summary>The parties a template has columns for. A file may have more (an export of agreements of five parties
    /// has a fifth party's columns): every party group its headers name is read.</summary>
    public const int TemplateParties = 4;

    private const string AllianceName = "Alliance";
    private const string FrameworkTitle = "Framework";

    private static readonly char[] ModeSeparators = ['、', ',', '，', ';', '；', '\n'];

    private static readonly ImportField[] General =
    [
        ("Field.Number", nameof(AgreementInput.Number), false),
        ("Field.Title", nameof(AgreementInput.Title), true),
        ("Field.AgreementKind", nameof(AgreementInput.Kind), true),
        ("Field.Alliance", AllianceName, false),
        ("Field.EffectiveFrom", nameof(AgreementInput.EffectiveFrom), true),
        ("Field.EffectiveTo", nameof(AgreementInput.EffectiveTo), false),
        ("Field.CooperationModes", nameof(AgreementInput.Modes), false),
        ("Field.Specialties", nameof(AgreementInput.Specialties), false),
        ("Field.Notes", nameof(AgreementInput.Notes), false),
        ("Field.ImplementsFramework", FrameworkTitle, false),
        ("Field.CollegeName", nameof(AgreementInput.CollegeName), false),
        ("Agreement.Quotas", nameof(AgreementInput.Quotas), false),
    ];

    private readonly Dictionary<string, Guid?> alliances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid?> frameworks = new(StringComparer.Ordinal);
    private ILookup<string, Agreement> byNumber = Array.Empty<Agreement>().ToLookup(a => a.Number!);
    private ILookup<(string Title, DateOnly From), Agreement> byTitle = Array.Empty<Agreement>().ToLookup(a => (a.Title, a.EffectiveFrom));
    private int partyCount = TemplateParties;

    public override ImportKind Kind => ImportKind.Agreements;

    protected override IReadOnlyList<ImportField> Fields { get; } = [.. General, .. PartyFields(TemplateParties)];

    /// <summary>The columns of parties 1 to <paramref name="count"/> (the first two must be there): the export
    /// writes the same.</summary>
    public static IEnumerable<ImportField> PartyFields(int count) =>
        Enumerable.Range(1, count).SelectMany(n => new ImportField[]
        {
            new("Import.Party.Organisation", Party(n, nameof(AgreementInput.PartyInput.Organisation)), n <= 2) { HeaderArguments = [n], Explained = "Party.Organisation" },
            new("Import.Party.Role", Party(n, nameof(AgreementInput.PartyInput.Role)), false) { HeaderArguments = [n], Explained = "Party.Role" },
            new("Import.Party.SignatoryName", Party(n, nameof(AgreementInput.PartyInput.SignatoryName)), false) { HeaderArguments = [n], Explained = "Party.SignatoryName" },
            new("Import.Party.SignatoryTitle", Party(n, nameof(AgreementInput.PartyInput.SignatoryTitle)), false) { HeaderArguments = [n], Explained = "Party.SignatoryTitle" },
            new("Import.Party.SignedOn", Party(n, nameof(AgreementInput.PartyInput.SignedOn)), false) { HeaderArguments = [n], Explained = "Party.SignedOn" },
        });

    /// <summary>A party's field as the form posts it: <c>Parties[0].Organisation</c> is party 1's.</summary>
    private static string Party(int number, string part) => $"{nameof(AgreementInput.Parties)}[{number - 1}].{part}";

    protected override IReadOnlyList<ImportField> FieldsFor(IReadOnlyList<string> headers)
    {
        var count = TemplateParties;
        while (headers.Contains(T["Import.Party.Organisation", count + 1].Value))
        {
            count++;
        }
        partyCount = count;
        return [.. General, .. PartyFields(count)];
    }

    public override string MatchingNote => T["Import.Instructions.Matching.Agreements"];

    protected override string Explain(ImportField field) => field.Property switch
    {
        nameof(AgreementInput.Modes) => T["Import.Explain.Agreements.Modes", string.Join("、", Enum.GetValues<CooperationMode>().Select(m => T.Enum(m)))],
        nameof(AgreementInput.Quotas) => T["Import.Explain.Agreements.Quotas", QuotasCell([new AgreementQuota(CooperationMode.TeacherTraining, 20, 2019, 2021),
            new AgreementQuota(CooperationMode.StudentExchange, 30, 2020, 2020)], T)],
        _ => base.Explain(field),
    };

    protected override IReadOnlyList<string>? Choices(string property) =>
        property == nameof(AgreementInput.Kind) ? [.. Enum.GetValues<AgreementKind>().Select(k => T.Enum(k))]
        : property.EndsWith("." + nameof(AgreementInput.PartyInput.Role), StringComparison.Ordinal) ? [.. Enum.GetValues<PartyRole>().Select(r => T.Enum(r))]
        : null;

    protected override async Task<(RowOutcome Outcome, string? Key)> CheckRowAsync(Dictionary<string, string?> fields, ImportContext context,
        bool apply, List<RowProblem> problems, ModelStateDictionary errors)
    {
        ReadChoice<AgreementKind>(fields, nameof(AgreementInput.Kind), problems);
        ReadSpreadsheetDate(fields, nameof(AgreementInput.EffectiveFrom));
        ReadSpreadsheetDate(fields, nameof(AgreementInput.EffectiveTo));
        for (var n = 1; n <= partyCount; n++)
        {
            ReadSpreadsheetDate(fields, Party(n, nameof(AgreementInput.PartyInput.SignedOn)));
            ReadChoice<PartyRole>(fields, Party(n, nameof(AgreementInput.PartyInput.Role)), problems);
        }
        // What the form would post: the alliance and the framework by their ids, each cooperation mode a value of its
        // own, each quota a row of its own. A blank role is a signatory's.
        var form = new Dictionary<string, string?>(fields);
        form.Remove(AllianceName);
        form.Remove(FrameworkTitle);
        form.Remove(nameof(AgreementInput.Modes));
        form.Remove(nameof(AgreementInput.Quotas));
        for (var n = 1; n <= partyCount; n++)
        {
            if (form[Party(n, nameof(AgreementInput.PartyInput.Role))] is not { Length: > 0 })
            {
                form.Remove(Party(n, nameof(AgreementInput.PartyInput.Role)));
            }
        }
        var quotas = ReadQuotas(fields[nameof(AgreementInput.Quotas)], problems);
        for (var i = 0; i < quotas.Count; i++)
        {
            form[$"{nameof(AgreementInput.Quotas)}[{i}].{nameof(AgreementInput.QuotaInput.Mode)}"] = quotas[i].Mode.ToString();
            form[$"{nameof(AgreementInput.Quotas)}[{i}].{nameof(AgreementInput.QuotaInput.PeoplePerYear)}"] = quotas[i].PeoplePerYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form[$"{nameof(AgreementInput.Quotas)}[{i}].{nameof(AgreementInput.QuotaInput.FromYear)}"] = quotas[i].FromYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form[$"{nameof(AgreementInput.Quotas)}[{i}].{nameof(AgreementInput.QuotaInput.ToYear)}"] = quotas[i].ToYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (fields[FrameworkTitle] is { Length: > 0 } frameworkTitle)
        {
            form[nameof(AgreementInput.ImplementsFrameworkId)] = (await FrameworkAsync(frameworkTitle, context, problems))?.ToString();
        }
        var modes = (fields[nameof(AgreementInput.Modes)] ?? string.Empty)
            .Split(ModeSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => ChoiceOf<CooperationMode>(text, nameof(AgreementInput.Modes), problems)).OfType<string>().Distinct().ToList();
        for (var i = 0; i < modes.Count; i++)
        {
            form[$"{nameof(AgreementInput.Modes)}[{i}]"] = modes[i];
        }
        if (fields[AllianceName] is { Length: > 0 } allianceName)
        {
            form[nameof(AgreementInput.AllianceId)] = (await AllianceAsync(allianceName, context, problems))?.ToString();
        }
        var (input, bound) = await Binding.BindAsync<AgreementInput>(context.Page, form);
        errors.Merge(bound);
        var key = input.Number is { Length: > 0 } number ? "number:" + number
            : input.Title is { Length: > 0 } title && input.EffectiveFrom is { } from ? $"title:{title}|{from}" : null;
        if (problems.Count > 0 || !errors.IsValid)
        {
            return (RowOutcome.Refused, key);
        }
        var candidates = input.Number is { Length: > 0 } given ? byNumber[given].ToList() : [.. byTitle[(input.Title!, input.EffectiveFrom!.Value.Start)]];
        if (candidates.Count > 1)
        {
            problems.Add(new RowProblem(nameof(AgreementInput.Number), T["Import.Agreement.Ambiguous"]));
            return (RowOutcome.Refused, key);
        }
        var terms = await input.ToTermsAsync(context.Db, errors, T, typed => FindOrganisationAsync(context.Db, typed), candidates.SingleOrDefault());
        if (terms is null)
        {
            return (RowOutcome.Refused, key);
        }
        var editor = context.Db.Access.SeesEverything ? null : context.Db.Access.Key;
        var userId = context.User.GetUserId()!.Value;
        if (candidates is not [var existing])
        {
            if (await AcceptedAsync(() => Agreement.Record(terms, context.User.GetOrganisationId(), editor, context.Clock.GetUtcNow(), userId),
                    Operations.Create) is not { } recorded)
            {
                return (RowOutcome.Refused, key);
            }
            if (apply)
            {
                context.Db.Agreements.Add(recorded);
            }
            return (RowOutcome.New, key);
        }
        if (existing.Says(terms))
        {
            return (RowOutcome.Unchanged, key); // nothing to change: nothing to authorize
        }
        if (!(await context.Authorization.AuthorizeAsync(context.User, existing, Operations.Update)).Succeeded)
        {
            problems.Add(new RowProblem(null, T["Import.Agreement.MayNotChange"]));
            return (RowOutcome.Refused, key);
        }
        if (await AcceptedAsync(() => { existing.ChangeTerms(terms, editor, userId, context.Clock.GetUtcNow()); return existing; }, Operations.Update) is null)
        {
            return (RowOutcome.Refused, key);
        }
        if (apply)
        {
            // The row is written (and its version checked) even when only the parties changed, as the edit form does.
            context.Db.Entry(existing).Property(a => a.Title).IsModified = true;
        }
        return (RowOutcome.Updated, key);

        // As the create and edit forms: the domain's rules, then at least one party in the user's jurisdiction.
        async Task<Agreement?> AcceptedAsync(Func<Agreement> change, OperationAuthorizationRequirement operation)
        {
            Agreement agreement;
            try
            {
                agreement = change();
            }
            catch (DomainException refusal)
            {
                errors.AddRefusal(refusal, T);
                return null;
            }
            if (!(await context.Authorization.AuthorizeAsync(context.User, agreement, operation)).Succeeded)
            {
                problems.Add(new RowProblem(Party(1, nameof(AgreementInput.PartyInput.Organisation)), T["Agreement.NoPartyInJurisdiction"]));
                return null;
            }
            return agreement;
        }
    }

    /// <summary>The agreements the rows may mean, among those the user may see (tracked, with their parties and
    /// confirmations: a matched row changes one), by number and by title and start date, read in one go.</summary>
    protected override async Task PrepareAsync(IReadOnlyList<Dictionary<string, string?>> rows, ImportContext context)
    {
        var numbers = rows.Select(r => r[nameof(AgreementInput.Number)]).OfType<string>().Where(n => n.Length > 0).Distinct().ToList();
        var titles = rows.Where(r => r[nameof(AgreementInput.Number)] is not { Length: > 0 })
            .Select(r => r[nameof(AgreementInput.Title)]).OfType<string>().Where(n => n.Length > 0).Distinct().ToList();
        var found = new List<Agreement>();
        var agreements = context.Db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations).AsSplitQuery();
        foreach (var chunk in numbers.Chunk(2000))
        {
            found.AddRange(await agreements.Where(a => chunk.Contains(a.Number!)).ToListAsync());
        }
        foreach (var chunk in titles.Chunk(2000))
        {
            found.AddRange(await agreements.Where(a => chunk.Contains(a.Title)).ToListAsync());
        }
        var distinct = found.DistinctBy(a => a.Id).ToList();
        byNumber = distinct.Where(a => a.Number is not null).ToLookup(a => a.Number!, StringComparer.Ordinal);
        byTitle = distinct.ToLookup(a => (a.Title, a.EffectiveFrom));
    }

    /// <summary>The alliance a row names, among those the user may see (looked up once a file); null, with a problem
    /// next to the column, when none or two answer to the name.</summary>
    private async Task<Guid?> AllianceAsync(string name, ImportContext context, List<RowProblem> problems)
    {
        if (!alliances.TryGetValue(name, out var id))
        {
            var named = await context.Db.Alliances.Where(a => a.Name == name).Select(a => a.Id).Take(2).ToListAsync();
            alliances[name] = id = named is [var one] ? one : null;
        }
        if (id is null)
        {
            problems.Add(new RowProblem(AllianceName, T["Import.Agreement.AllianceNotFound", name]));
        }
        return id;
    }

    /// <summary>The framework agreement a row names by its exact title, among those the user may see (looked up once a
    /// file); null, with a problem next to the column, when none or two answer to the title.</summary>
    private async Task<Guid?> FrameworkAsync(string title, ImportContext context, List<RowProblem> problems)
    {
        if (!frameworks.TryGetValue(title, out var id))
        {
            var named = await context.Db.Agreements.Where(a => a.Kind == AgreementKind.Framework && a.Title == title).Select(a => a.Id).Take(2).ToListAsync();
            frameworks[title] = id = named is [var one] ? one : null;
        }
        if (id is null)
        {
            problems.Add(new RowProblem(FrameworkTitle, T["Import.Agreement.FrameworkNotFound", title]));
        }
        return id;
    }

    private static readonly char[] QuotaSeparators = ['；', ';', '\n'];

    /// <summary>An agreement's quotas as one cell, one quota a part: <c>师资培训 20 2019-2021；学生交流 30 2020</c>
    /// (mode, people a year, years). The import reads them back.</summary>
    public static string QuotasCell(IEnumerable<AgreementQuota> quotas, IStringLocalizer t) =>
        string.Join("；", quotas.Select(q => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{t.Enum(q.Mode)} {q.PeoplePerYear} {(q.FromYear == q.ToYear ? $"{q.FromYear}" : $"{q.FromYear}-{q.ToYear}")}")));

    /// <summary>The quotas of a cell (see <see cref="QuotasCell"/>); a part that is not "mode people years" is a
    /// problem next to the column. The domain checks the numbers as the form's are checked.</summary>
    private List<AgreementQuota> ReadQuotas(string? cell, List<RowProblem> problems)
    {
        var quotas = new List<AgreementQuota>();
        foreach (var part in (cell ?? string.Empty).Split(QuotaSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Read from the end: a mode's name may have spaces of its own ("Teacher training 20 2019-2021").
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var years = words.Length >= 3 ? words[^1].Split(['-', '–'], 2) : [];
            if (words.Length < 3 || !int.TryParse(words[^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var people)
                || !int.TryParse(years[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var from))
            {
                problems.Add(new RowProblem(nameof(AgreementInput.Quotas), T["Import.Agreement.QuotaUnreadable", part]));
                continue;
            }
            var to = from;
            if (years.Length == 2 && !int.TryParse(years[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out to))
            {
                problems.Add(new RowProblem(nameof(AgreementInput.Quotas), T["Import.Agreement.QuotaUnreadable", part]));
                continue;
            }
            if (ChoiceOf<CooperationMode>(string.Join(' ', words[..^2]), nameof(AgreementInput.Quotas), problems) is { } mode)
            {
                quotas.Add(new AgreementQuota(Enum.Parse<CooperationMode>(mode), people, from, to));
            }
        }
        return quotas;
    }

    /// <summary>An agreement's cooperation modes as one cell (the import reads them back).</summary>
    public static string ModesCell(IEnumerable<CooperationMode> modes, IStringLocalizer t) =>
        string.Join("、", modes.Select(m => t.Enum(m)));
}
