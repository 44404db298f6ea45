using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Imports;
using VocEdAlliance.Web.Pages.Activities;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Import;

/// <summary>Activities with their outcomes from a spreadsheet: the columns of the activities export. A row names its
/// agreement (by number, else by exact title) or its alliance (by name) among those the user may see and may record
/// activities on — a principal, their own school's; giver and receiver by the name of a party (or member). It is
/// bound and checked as the activity forms are (<see cref="ActivityInput.Record"/>, <see cref="ActivityInput.ApplyTo"/>).
/// An existing activity is matched by agreement (or alliance), start date and kind — and by title when the day has
/// several of that kind — and updated; the others are recorded.</summary>
public sealed class ActivityImport(RowBinding binding, IStringLocalizer t) : ImportKindBase(binding, t)
{
    private const string Number = "AgreementNumber";
    private const string AgreementTitle = "Agreement";
    private const string AllianceName = "Alliance";

    private readonly Dictionary<string, object?> owners = new(StringComparer.Ordinal);

    /// <summary>The current activities of the file's agreements and alliances, by (owner, day, kind): read in one go.</summary>
    private ILookup<(Guid Owner, DateOnly Day, ActivityKind Kind), CooperationActivity> recorded =
        Array.Empty<CooperationActivity>().ToLookup(a => (Guid.Empty, a.StartsOn, a.Kind));

    public override ImportKind Kind => ImportKind.Activities;

    protected override IReadOnlyList<ImportField> Fields { get; } =
    [
        ("Field.AgreementNumber", Number, false),
        ("Field.Agreement", AgreementTitle, false),
        ("Field.Alliance", AllianceName, false),
        ("Field.Title", nameof(ActivityInput.Title), true),
        ("Field.ActivityKind", nameof(ActivityInput.Kind), true),
        ("Field.StartsOn", nameof(ActivityInput.StartsOn), true),
        ("Field.EndsOn", nameof(ActivityInput.EndsOn), false),
        ("Field.Location", nameof(ActivityInput.Location), false),
        ("Field.ParticipatingOrganisations", nameof(ActivityInput.ParticipatingOrganisations), false),
        ("Field.Participants", nameof(ActivityInput.Participants), false),
        ("Field.Students", nameof(ActivityInput.Students), false),
        ("Field.Teachers", nameof(ActivityInput.Teachers), false),
        ("Field.Trainees", nameof(ActivityInput.Trainees), false),
        ("Field.Employed", nameof(ActivityInput.Employed), false),
        ("Field.HouseholdsBenefited", nameof(ActivityInput.HouseholdsBenefited), false),
        ("Field.IndustryLeaders", nameof(ActivityInput.IndustryLeaders), false),
        ("Field.GiverOrganisationId", nameof(ActivityInput.GiverOrganisationId), false),
        ("Field.ReceiverOrganisationId", nameof(ActivityInput.ReceiverOrganisationId), false),
        ("Field.AmountCny", nameof(ActivityInput.AmountCny), false),
        ("Field.SourceOfFunds", nameof(ActivityInput.SourceOfFunds), false),
        ("Field.Description", nameof(ActivityInput.Description), false),
    ];

    public override string MatchingNote => T["Import.Instructions.Matching.Activities"];

    protected override IReadOnlyList<string>? Choices(string property) =>
        property == nameof(ActivityInput.Kind) ? [.. Enum.GetValues<ActivityKind>().Select(k => T.Enum(k))] : null;

    protected override async Task<(RowOutcome Outcome, string? Key)> CheckRowAsync(Dictionary<string, string?> fields, ImportContext context,
        bool apply, List<RowProblem> problems, ModelStateDictionary errors)
    {
        ReadChoice<ActivityKind>(fields, nameof(ActivityInput.Kind), problems);
        ReadSpreadsheetDate(fields, nameof(ActivityInput.StartsOn));
        ReadSpreadsheetDate(fields, nameof(ActivityInput.EndsOn));
        var owner = await OwnerAsync(fields, context, problems);
        var (agreement, alliance) = (owner as Agreement, owner as Alliance);
        IReadOnlyList<(Guid Id, string Name)> parties = agreement is not null ? [.. agreement.Parties.Select(p => (p.OrganisationId, p.OrganisationName))]
            : alliance is not null ? [.. alliance.Members.Where(m => m.LeftOn == null).Select(m => (m.OrganisationId, m.OrganisationName))] : [];
        foreach (var side in new[] { nameof(ActivityInput.GiverOrganisationId), nameof(ActivityInput.ReceiverOrganisationId) })
        {
            if (fields[side] is { Length: > 0 } name && owner is not null)
            {
                var party = parties.Where(p => p.Name == name).Select(p => (Guid?)p.Id).FirstOrDefault();
                if (party is null)
                {
                    problems.Add(new RowProblem(side, T["Import.Activity.NotAParty", name]));
                }
                fields[side] = party?.ToString();
            }
        }
        var (input, bound) = await Binding.BindAsync<ActivityInput>(context.Page, fields);
        errors.Merge(bound);
        var ownerId = agreement?.Id ?? alliance?.Id;
        var key = ownerId is { } id && input.StartsOn is { } day && input.Kind is { } kind ? $"{id}|{day:yyyy-MM-dd}|{kind}|{input.Title}" : null;
        if (owner is null || problems.Count > 0 || !errors.IsValid)
        {
            return (RowOutcome.Refused, key);
        }
        var candidates = recorded[(ownerId!.Value, input.StartsOn!.Value.Start, input.Kind!.Value)].ToList();
        var sameTitle = candidates.Where(a => a.Title == input.Title).ToList();
        var existing = candidates.Count == 1 ? candidates[0] : sameTitle.Count == 1 ? sameTitle[0] : null;
        if (sameTitle.Count > 1 && candidates.Count > 1)
        {
            problems.Add(new RowProblem(nameof(ActivityInput.Title), T["Import.Activity.Ambiguous"]));
            return (RowOutcome.Refused, key);
        }
        if (existing is null)
        {
            if (!(await context.Authorization.AuthorizeAsync(context.User, owner, Operations.RecordActivity)).Succeeded)
            {
                problems.Add(new RowProblem(agreement is not null ? Number : AllianceName, T["Import.Activity.MayNotRecord"]));
                return (RowOutcome.Refused, key);
            }
            if (input.Record(agreement, alliance, context.User.GetUserId()!.Value, context.Clock.GetUtcNow(), errors, T) is not { } recorded)
            {
                return (RowOutcome.Refused, key);
            }
            if (apply)
            {
                context.Db.Activities.Add(recorded);
            }
            return (RowOutcome.New, key);
        }
        if (!input.ApplyTo(existing, errors, T))
        {
            return (RowOutcome.Refused, key);
        }
        context.Db.ChangeTracker.DetectChanges();
        if (context.Db.Entry(existing).State != EntityState.Modified)
        {
            return (RowOutcome.Unchanged, key); // the same as recorded: nothing to authorize
        }
        if (!(await context.Authorization.AuthorizeAsync(context.User, existing, Operations.Update)).Succeeded)
        {
            problems.Add(new RowProblem(null, T["Import.Activity.MayNotChange"]));
            return (RowOutcome.Refused, key);
        }
        return (RowOutcome.Updated, key);
    }

    /// <summary>The rows' agreements and alliances, and their current activities (tracked: a matched row changes one),
    /// read once for the whole file rather than row by row.</summary>
    protected override async Task PrepareAsync(IReadOnlyList<Dictionary<string, string?>> rows, ImportContext context)
    {
        var found = new List<object>();
        foreach (var row in rows)
        {
            if (await OwnerAsync(row, context, []) is { } owner)
            {
                found.Add(owner);
            }
        }
        var agreementIds = found.OfType<Agreement>().Select(a => a.Id).Distinct().ToList();
        var allianceIds = found.OfType<Alliance>().Select(a => a.Id).Distinct().ToList();
        var activities = new List<CooperationActivity>();
        foreach (var chunk in agreementIds.Chunk(2000))
        {
            activities.AddRange(await context.Db.Activities.Where(a => !a.IsArchived && a.AgreementId != null && chunk.Contains(a.AgreementId.Value)).ToListAsync());
        }
        foreach (var chunk in allianceIds.Chunk(2000))
        {
            activities.AddRange(await context.Db.Activities.Where(a => !a.IsArchived && a.AllianceId != null && chunk.Contains(a.AllianceId.Value)).ToListAsync());
        }
        recorded = activities.DistinctBy(a => a.Id)
            .SelectMany(a => new[] { a.AgreementId, a.AllianceId }.OfType<Guid>().Select(owner => (Owner: owner, Activity: a)))
            .ToLookup(x => (x.Owner, x.Activity.StartsOn, x.Activity.Kind), x => x.Activity);
    }

    /// <summary>The row's agreement or alliance among those the user may see (looked up once a file); null with a
    /// problem next to the column otherwise. Recording on it is authorized when a row records something new.</summary>
    private async Task<object?> OwnerAsync(Dictionary<string, string?> fields, ImportContext context, List<RowProblem> problems)
    {
        var (column, text) = fields[Number] is { Length: > 0 } number ? (Number, number)
            : fields[AgreementTitle] is { Length: > 0 } title ? (AgreementTitle, title)
            : fields[AllianceName] is { Length: > 0 } name ? (AllianceName, name) : (Number, (string?)null);
        if (text is null)
        {
            problems.Add(new RowProblem(Number, T["Import.Activity.OwnerMissing"]));
            return null;
        }
        var cacheKey = column + "|" + text;
        if (!owners.TryGetValue(cacheKey, out var owner))
        {
            var agreements = context.Db.Agreements.Include(a => a.Parties).Where(a => !a.IsArchived);
            // Only one may answer to the name: two agreements of one title are named by their numbers instead.
            List<object> matches = column switch
            {
                Number => [.. await agreements.Where(a => a.Number == text).Take(2).ToListAsync()],
                AgreementTitle => [.. await agreements.Where(a => a.Title == text).Take(2).ToListAsync()],
                _ => [.. await context.Db.Alliances.Include(a => a.Members).Where(a => a.Name == text).Take(2).ToListAsync()],
            };
            var found = matches.Count == 1 ? matches[0] : null;
            owners[cacheKey] = owner = found;
        }
        if (owner is null)
        {
            problems.Add(new RowProblem(column, T["Import.Activity.OwnerNotFound", text]));
        }
        return owner;
    }
}
