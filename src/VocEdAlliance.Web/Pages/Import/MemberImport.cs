using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Imports;
using VocEdAlliance.Web.Pages.Alliances;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Import;

/// <summary>Alliance members from a spreadsheet: the columns of the members export. A row names an alliance the user
/// may change (by its exact name) and an organisation (by name or unified social credit code, as the member form
/// takes it), bound and checked as the member form is (<see cref="MemberInput"/>, <see cref="Alliance.Join"/>); a
/// leaving date ends the membership (<see cref="Alliance.Leave"/>, read by the same date rule as the form). A row
/// matches the organisation's membership of the alliance — the current one, or the past one that ended that day —
/// and changes nothing that is already so; a role is changed in the portal, not by an import.</summary>
public sealed class MemberImport(RowBinding binding, IStringLocalizer t) : ImportKindBase(binding, t)
{
    private const string AllianceName = "Alliance";
    private const string LeftOn = "LeftOn";

    private readonly Dictionary<string, Alliance?> alliances = new(StringComparer.Ordinal);

    public override ImportKind Kind => ImportKind.Members;

    protected override IReadOnlyList<ImportField> Fields { get; } =
    [
        ("Field.Alliance", AllianceName, true),
        ("Field.MemberOrganisation", nameof(MemberInput.Organisation), true),
        ("Field.MemberRole", nameof(MemberInput.Role), true),
        ("Field.JoinedOn", nameof(MemberInput.JoinedOn), false),
        ("Field.LeftOn", LeftOn, false),
    ];

    public override string MatchingNote => T["Import.Instructions.Matching.Members"];

    protected override IReadOnlyList<string>? Choices(string property) =>
        property == nameof(MemberInput.Role) ? [.. Enum.GetValues<MemberRole>().Select(r => T.Enum(r))] : null;

    protected override async Task<(RowOutcome Outcome, string? Key)> CheckRowAsync(Dictionary<string, string?> fields, ImportContext context,
        bool apply, List<RowProblem> problems, ModelStateDictionary errors)
    {
        ReadChoice<MemberRole>(fields, nameof(MemberInput.Role), problems);
        ReadSpreadsheetDate(fields, nameof(MemberInput.JoinedOn));
        ReadSpreadsheetDate(fields, LeftOn);
        var (input, bound) = await Binding.BindAsync<MemberInput>(context.Page, fields);
        errors.Merge(bound);
        var (leftOn, leftError) = InputRules.ReadDate(fields[LeftOn]);
        if (leftError is not null)
        {
            problems.Add(new RowProblem(LeftOn, T[leftError.MessageKey, [T["Field.LeftOn"].Value, .. leftError.Arguments]]));
        }
        var alliance = await AllianceAsync(fields[AllianceName], context, problems);
        var found = input.Organisation is { Length: > 0 } typed ? await FindOrganisationAsync(context.Db, typed) : null;
        if (found is null && input.Organisation is { Length: > 0 } missing)
        {
            problems.Add(new RowProblem(nameof(MemberInput.Organisation), T["Agreement.PartyNotFound", missing]));
        }
        var key = alliance is not null && found is not null ? $"{alliance.Id}|{found.Id}|{leftOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}" : null;
        if (alliance is null || found is null || problems.Count > 0 || !errors.IsValid)
        {
            return (RowOutcome.Refused, key);
        }
        var memberships = alliance.Members.Where(m => m.OrganisationId == found.Id).ToList();
        var current = memberships.SingleOrDefault(m => m.LeftOn is null);
        var ended = memberships.FirstOrDefault(m => m.LeftOn is not null && m.LeftOn == leftOn);
        try
        {
            if (ended is not null || (current is not null && leftOn is null))
            {
                var same = ended ?? current!;
                if (same.Role != input.Role)
                {
                    problems.Add(new RowProblem(nameof(MemberInput.Role), T["Import.Member.RoleChange", T.Enum(same.Role)]));
                    return (RowOutcome.Refused, key);
                }
                return (RowOutcome.Unchanged, key);
            }
            if (current is not null)
            {
                alliance.Leave(current.Id, leftOn!.Value); // the membership ends that day
            }
            else
            {
                var joined = alliance.Join(new MemberTerms(found.Id, found.Name, found.Type, found.RegionCode, input.Role!.Value, input.JoinedOn));
                if (leftOn is { } left)
                {
                    alliance.Leave(joined.Id, left);
                }
            }
        }
        catch (DomainException refusal)
        {
            errors.AddRefusal(refusal, T);
            return (RowOutcome.Refused, key);
        }
        if (apply)
        {
            // As the member form does: the alliance's version moves, so a concurrent change of it is noticed.
            context.Db.Entry(alliance).Property(a => a.Name).IsModified = true;
        }
        return (current is not null ? RowOutcome.Updated : RowOutcome.New, key);
    }

    /// <summary>The alliance a row names, among those the user may see and change (looked up once a file).</summary>
    private async Task<Alliance?> AllianceAsync(string? name, ImportContext context, List<RowProblem> problems)
    {
        if (name is not { Length: > 0 })
        {
            problems.Add(new RowProblem(AllianceName, T["Validation.Required", T["Field.Alliance"].Value]));
            return null;
        }
        if (!alliances.TryGetValue(name, out var alliance))
        {
            var named = await context.Db.Alliances.Include(a => a.Members).Where(a => a.Name == name).Take(2).ToListAsync();
            alliance = named is [var one] && (await context.Authorization.AuthorizeAsync(context.User, one, Operations.Update)).Succeeded ? one : null;
            alliances[name] = alliance;
        }
        if (alliance is null)
        {
            problems.Add(new RowProblem(AllianceName, T["Import.Member.AllianceNotFound", name]));
        }
        return alliance;
    }
}
