using System.Collections;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Documents;
using VocEdAlliance.Web.Domain.History;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Plans;

namespace VocEdAlliance.Web.Data;

/// <summary>Writes the history of a save, in the same transaction: every create, update, archive and confirmation of
/// organisations, agreements, alliances, activities, programmes and key industries, with the fields that changed. Runs in AppDbContext before
/// every save, so no page can forget it.</summary>
public static class HistoryWriter
{
    /// <summary>Bookkeeping columns that say nothing a person needs to see.</summary>
    private static readonly HashSet<string> Silent = ["Version", "AccessKeys", "TermsText", "TermsHash", "Id", "AnsweredAt", "InstitutionId",
        "SubmittedBy", "ApproverJurisdiction", "ReturnedByUserId", "ReviewerJurisdiction", "ReminderSentOn"];

    /// <summary>An evaluation's fields its history leaves out: the review (private until the results are published) and
    /// bookkeeping the entry itself says (who, when).</summary>
    private static readonly HashSet<string> EvaluationPrivate =
        ["ReviewScores", "ReviewComment", "ReviewedByUserId", "ReviewedAt", "SubmittedByUserId", "SubmittedAt"];

    public static IReadOnlyList<HistoryEntry> Collect(ChangeTracker changes, Guid? userId, string userName, DateTimeOffset now)
    {
        var entries = new List<HistoryEntry>();
        foreach (var entry in changes.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            HistoryEntry Entry(string type, Guid id, HistoryAction action, IEnumerable<FieldChange> fields, IEnumerable<string> keys) =>
                new(type, id, action, userId, userName, now, fields, keys);
            switch (entry.Entity)
            {
                case Organisation or Agreement or Alliance or Domain.Programmes.Programme:
                    var record = (IAccessControlled)entry.Entity;
                    var type = entry.Entity is Organisation ? nameof(Organisation) : entry.Metadata.ClrType.Name;
                    if (entry.State == EntityState.Added)
                    {
                        entries.Add(Entry(type, record.Id, HistoryAction.Created, [], record.AccessKeys));
                    }
                    else if (Changed(entry) is { Count: > 0 } fields)
                    {
                        entries.Add(Entry(type, record.Id, Archiving(fields) ? HistoryAction.Archived : HistoryAction.Updated, fields, record.AccessKeys));
                    }
                    break;
                case Domain.Programmes.KeyIndustry industry:
                    // Public reference, but its changes move the figures: kept, readable by the bureaus of its region
                    // and above (and the ministry), who are the ones who name them.
                    entries.Add(Entry(nameof(Domain.Programmes.KeyIndustry), industry.Id,
                        entry.State == EntityState.Added ? HistoryAction.Created : HistoryAction.Updated,
                        entry.State == EntityState.Added ? [] : Changed(entry),
                        AccessKeys.ForPlace(industry.RegionCode)));
                    break;
                case RegistrationRequest request:
                    entries.Add(Entry(nameof(RegistrationRequest), request.Id,
                        entry.State == EntityState.Added ? HistoryAction.Created : HistoryAction.Updated,
                        entry.State == EntityState.Added ? [] : Changed(entry), request.AccessKeys));
                    break;
                case CooperationActivity activity when activity.Owners.OfType<IAccessControlled>().ToList() is { Count: > 0 } owners:
                    var ownerKeys = owners.SelectMany(o => o.AccessKeys).Distinct();
                    if (entry.State == EntityState.Added)
                    {
                        entries.Add(Entry(nameof(CooperationActivity), activity.Id, HistoryAction.Created, [], ownerKeys));
                    }
                    else if (Changed(entry) is { Count: > 0 } fields)
                    {
                        entries.Add(Entry(nameof(CooperationActivity), activity.Id, Archiving(fields) ? HistoryAction.Archived : HistoryAction.Updated, fields, ownerKeys));
                    }
                    break;
                case Document document when entry.State == EntityState.Added:
                    entries.Add(Entry(document.ActivityId is not null ? nameof(CooperationActivity)
                            : document.PartyEvaluationId is not null ? nameof(Domain.Evaluations.PartyEvaluation) : nameof(Agreement),
                        document.ActivityId ?? document.PartyEvaluationId ?? document.AgreementId!.Value, HistoryAction.Updated,
                        [new FieldChange("Documents", null, $"{document.FileName} (SHA-256 {document.Sha256})")],
                        document.Owners.OfType<IAccessControlled>().SelectMany(o => o.AccessKeys).Distinct()));
                    break;
                case Domain.Evaluations.PartyEvaluation evaluation:
                    // Every save of a self-assessment, readable by whoever sees its agreement. The review's scores and
                    // comment are not written here: the parties read them only once the results are published (on the
                    // evaluation's page); the entry says that it was reviewed, by whom and when.
                    entries.Add(Entry(nameof(Domain.Evaluations.PartyEvaluation), evaluation.Id,
                        entry.State == EntityState.Added ? HistoryAction.Created : HistoryAction.Updated,
                        entry.State == EntityState.Added ? [] : [.. Changed(entry).Where(f => !EvaluationPrivate.Contains(f.Field))],
                        evaluation.Owners.OfType<IAccessControlled>().SelectMany(o => o.AccessKeys)));
                    break;
                case YearlyPlan plan:
                    entries.Add(Entry(nameof(YearlyPlan), plan.Id,
                        entry.State == EntityState.Added ? HistoryAction.Created : HistoryAction.Updated,
                        entry.State == EntityState.Added ? [] : Changed(entry),
                        plan.Owners.OfType<IAccessControlled>().SelectMany(o => o.AccessKeys).Distinct()));
                    break;
                case AgreementConfirmation confirmation when entry.State == EntityState.Added:
                    entries.Add(Entry(nameof(Agreement), confirmation.AgreementId, HistoryAction.Confirmed,
                        [new FieldChange("PartyOrganisation", null, confirmation.Agreement.Parties.FirstOrDefault(p => p.OrganisationId == confirmation.PartyOrganisationId)?.OrganisationName),
                         new FieldChange("TermsHash", null, confirmation.TermsHash)],
                        confirmation.Agreement.AccessKeys));
                    break;
                case AllianceMember member when member.Alliance is { } alliance && changes.Entries<Alliance>().All(a => a.Entity.Id != alliance.Id || a.State != EntityState.Added):
                    entries.Add(Entry(nameof(Alliance), alliance.Id, entry.State == EntityState.Added ? HistoryAction.MemberJoined : HistoryAction.MemberLeft,
                        [new FieldChange("MemberOrganisation", null, member.OrganisationName)], alliance.AccessKeys));
                    break;
            }
        }
        entries.AddRange(PartyChanges(changes, userId, userName, now));
        return MergeByRecord(entries);
    }

    /// <summary>Editing terms replaces an agreement's party rows: the parties changed when the rows removed and the
    /// rows added differ, in the order they are listed.</summary>
    private static IEnumerable<HistoryEntry> PartyChanges(ChangeTracker changes, Guid? userId, string userName, DateTimeOffset now)
    {
        static string Describe(AgreementParty p) => $"{p.OrganisationName} ({p.SignatoryName ?? "-"}, {p.SignatoryTitle ?? "-"}, {Text(p.SignedOn) ?? "-"}"
            + (p.Role == PartyRole.Signatory ? ")" : $", {Text(p.Role)})");
        var parties = changes.Entries<AgreementParty>().ToList();
        foreach (var agreement in changes.Entries<Agreement>().Where(a => a.State == EntityState.Modified).Select(a => a.Entity))
        {
            var removed = parties.Where(p => p.State == EntityState.Deleted && (Guid)p.OriginalValues[nameof(AgreementParty.AgreementId)]! == agreement.Id)
                .OrderBy(p => p.Entity.Position).Select(p => Describe(p.Entity)).ToList();
            var added = parties.Where(p => p.State == EntityState.Added && p.Entity.AgreementId == agreement.Id)
                .OrderBy(p => p.Entity.Position).Select(p => Describe(p.Entity)).ToList();
            if (!removed.SequenceEqual(added, StringComparer.Ordinal))
            {
                yield return new HistoryEntry(nameof(Agreement), agreement.Id, HistoryAction.Updated, userId, userName, now,
                    [new FieldChange("Parties", string.Join("; ", removed), string.Join("; ", added))], agreement.AccessKeys);
            }
        }
    }

    /// <summary>One entry per record and action in a save (an agreement whose terms and parties changed together).</summary>
    private static List<HistoryEntry> MergeByRecord(List<HistoryEntry> entries) =>
        [.. entries.GroupBy(e => (e.RecordType, e.RecordId, e.Action)).Select(g => g.Count() == 1 ? g.First()
            : new HistoryEntry(g.Key.RecordType, g.Key.RecordId, g.Key.Action, g.First().UserId, g.First().UserName, g.First().At,
                g.SelectMany(e => e.Changes), g.First().AccessKeys))];

    private static bool Archiving(List<FieldChange> fields) =>
        fields.Any(f => f.Field == "IsArchived" && f.After == "True");

    private static List<FieldChange> Changed(EntityEntry entry) =>
        [.. entry.Properties.Concat(entry.ComplexProperties.SelectMany(c => c.Properties))
            .Where(p => p.IsModified && !Silent.Contains(p.Metadata.Name))
            .Select(p => new FieldChange(p.Metadata.Name, Text(p.OriginalValue), Text(p.CurrentValue)))
            .Where(c => c.Before != c.After)];

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        Enum e => $"{e.GetType().Name}.{e}",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        Domain.Programmes.ProgrammeYear y => string.Create(CultureInfo.InvariantCulture,
            $"{y.Year}: {y.Enrolment?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{y.Graduates?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{y.Employed?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{y.EmployedLocally?.ToString(CultureInfo.InvariantCulture) ?? "-"}"),
        AgreementQuota quota => $"{Text(quota.Mode)} {quota.FromYear}-{quota.ToYear} {quota.PeoplePerYear}",
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Text)),
        _ => value.ToString(),
    };
}
