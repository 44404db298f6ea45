using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Inbox;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Domain.Regions;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data;

/// <summary>Announces what a save does to whoever waits on it or would want to know, in the same transaction: reads
/// the change tracker (an agreement sent for confirmation, confirmed, its terms changed, ending soon; a plan submitted,
/// approved, returned; a registration requested or answered) and adds a <see cref="Notification"/> for each account it
/// concerns, with an <see cref="OutboxMail"/> when e-mail is on. Runs in AppDbContext before every save, like the
/// history, so no page, import or API call can forget it. Who is told is docs/access-model.md's "Who is told".</summary>
public static class NotificationWriter
{
    private sealed record Announcement(NotificationKind Kind, NotificationRecord Record, Guid RecordId, string Subject, string? Detail,
        Func<Recipients, Task<IReadOnlyCollection<Recipient>>> Audience);

    private sealed record Recipient(Guid UserId, string? Email);

    public static async Task AnnounceAsync(AppDbContext db, Guid? actorId, DateTimeOffset now, bool mail, CancellationToken cancellationToken)
    {
        var announcements = new List<Announcement>();
        foreach (var entry in db.ChangeTracker.Entries<Agreement>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            announcements.AddRange(await OfAgreementAsync(db, entry, cancellationToken));
        }
        foreach (var entry in db.ChangeTracker.Entries<YearlyPlan>().Where(e => e.State == EntityState.Modified).ToList())
        {
            announcements.AddRange(await OfPlanAsync(entry, cancellationToken));
        }
        foreach (var entry in db.ChangeTracker.Entries<Domain.Evaluations.PartyEvaluation>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            if (entry.Entity.Round is null)
            {
                await entry.Reference(e => e.Round).LoadAsync(cancellationToken);
            }
            if (entry.Entity.Agreement is null)
            {
                await entry.Reference(e => e.Agreement).LoadAsync(cancellationToken);
            }
            announcements.AddRange(OfEvaluation(entry));
        }
        foreach (var entry in db.ChangeTracker.Entries<Domain.Evaluations.EvaluationRound>().Where(e => e.State == EntityState.Modified).ToList())
        {
            announcements.AddRange(await OfPublishedRoundAsync(db, entry, cancellationToken));
        }
        foreach (var entry in db.ChangeTracker.Entries<RegistrationRequest>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            announcements.AddRange(OfRequest(entry));
        }
        if (announcements.Count == 0)
        {
            return;
        }
        var recipients = new Recipients(db, now, cancellationToken);
        foreach (var announcement in announcements)
        {
            foreach (var recipient in (await announcement.Audience(recipients)).Where(r => r.UserId != actorId).DistinctBy(r => r.UserId))
            {
                var notification = new Notification(recipient.UserId, announcement.Kind, announcement.Record, announcement.RecordId,
                    announcement.Subject, announcement.Detail, now);
                db.Add(notification);
                if (mail && !string.IsNullOrWhiteSpace(recipient.Email))
                {
                    db.Add(new OutboxMail(notification, recipient.Email, now));
                }
            }
        }
    }

    private static async Task<IEnumerable<Announcement>> OfAgreementAsync(AppDbContext db, EntityEntry<Agreement> entry, CancellationToken cancellationToken)
    {
        var agreement = entry.Entity;
        if (agreement.IsArchived)
        {
            return [];
        }
        var added = entry.State == EntityState.Added;
        var before = added ? (AgreementStatus?)null : entry.Property(a => a.Status).OriginalValue;
        var termsChanged = !added && entry.Property(a => a.TermsHash).OriginalValue != agreement.TermsHash;
        var confirmedNow = db.ChangeTracker.Entries<AgreementConfirmation>()
            .Where(c => c.State == EntityState.Added && c.Entity.AgreementId == agreement.Id).Select(c => c.Entity.PartyOrganisationId).ToHashSet();
        var endingReminder = !added && entry.Property(a => a.ExpiryReminderSentOn).OriginalValue is null && agreement.ExpiryReminderSentOn is not null;
        var sent = before == AgreementStatus.Draft && agreement.Status == AgreementStatus.PendingCounterpartConfirmation;
        if (!added && !sent && !termsChanged && confirmedNow.Count == 0 && !endingReminder)
        {
            return []; // general information, an expiry, an archiving: nobody waits on it
        }
        if (!added)
        {
            await LoadAsync(entry.Collection(a => a.Parties), cancellationToken);
            await LoadAsync(entry.Collection(a => a.Confirmations), cancellationToken);
        }
        var result = new List<Announcement>();
        Announcement To(NotificationKind kind, IEnumerable<AgreementParty> parties, string? detail = null)
        {
            var sides = parties.Select(p => (p.OrganisationId, p.RegionCode)).ToList();
            return new Announcement(kind, NotificationRecord.Agreement, agreement.Id, agreement.Title, detail, r => r.OfPartiesAsync(sides));
        }
        var unconfirmed = agreement.Parties.Where(p => !agreement.IsConfirmedBy(p.OrganisationId)).ToList();
        var live = agreement.Status is AgreementStatus.PendingCounterpartConfirmation or AgreementStatus.Active;
        if (agreement.Status == AgreementStatus.PendingCounterpartConfirmation && before is null or AgreementStatus.Draft)
        {
            result.Add(To(NotificationKind.ConfirmationRequested, unconfirmed));
        }
        else if (termsChanged && live && before is AgreementStatus.PendingCounterpartConfirmation or AgreementStatus.Active)
        {
            result.Add(To(NotificationKind.TermsChanged, unconfirmed));
        }
        else if (confirmedNow.Count > 0 && live)
        {
            var names = string.Join("、", agreement.Parties.Where(p => confirmedNow.Contains(p.OrganisationId)).Select(p => p.OrganisationName));
            result.Add(To(NotificationKind.ConfirmedByPartner, agreement.Parties.Where(p => !confirmedNow.Contains(p.OrganisationId)), names));
        }
        if (endingReminder)
        {
            result.Add(To(NotificationKind.AgreementEnding, agreement.Parties,
                agreement.EffectiveTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }
        return result;
    }

    private static async Task<IEnumerable<Announcement>> OfPlanAsync(EntityEntry<YearlyPlan> entry, CancellationToken cancellationToken)
    {
        var plan = entry.Entity;
        var before = entry.Property(p => p.Status).OriginalValue;
        if (before == plan.Status)
        {
            return [];
        }
        if (plan.Agreement is null && plan.AgreementId is not null)
        {
            await entry.Reference(p => p.Agreement).LoadAsync(cancellationToken);
        }
        if (plan.Alliance is null && plan.AllianceId is not null)
        {
            await entry.Reference(p => p.Alliance).LoadAsync(cancellationToken);
        }
        if (plan.Bureau is null && plan.BureauId is not null)
        {
            await entry.Reference(p => p.Bureau).LoadAsync(cancellationToken);
        }
        var subject = $"{plan.OwnerName}（{plan.Year}）";
        var submitter = plan.SubmittedBy;
        Announcement? announcement = (before, plan.Status) switch
        {
            (PlanStatus.Draft, PlanStatus.Submitted) => new(NotificationKind.PlanSubmitted, NotificationRecord.Plan, plan.Id, subject, null,
                r => r.OfJurisdictionAsync(plan.ApproverJurisdiction)),
            (PlanStatus.Submitted, PlanStatus.Approved) when submitter is not null => new(NotificationKind.PlanApproved, NotificationRecord.Plan, plan.Id, subject, null,
                r => r.OfSideAsync(submitter)),
            (PlanStatus.Submitted, PlanStatus.Draft) when submitter is not null && entry.Property(p => p.ReturnedAt).IsModified =>
                new(NotificationKind.PlanReturned, NotificationRecord.Plan, plan.Id, subject, plan.ReturnComment, r => r.OfSideAsync(submitter)),
            // Changed by its side while it waited: the approver's "waits for you" no longer holds.
            (PlanStatus.Submitted, PlanStatus.Draft) => new(NotificationKind.PlanWithdrawn, NotificationRecord.Plan, plan.Id, subject, null,
                r => r.OfJurisdictionAsync(plan.ApproverJurisdiction)),
            _ => null,
        };
        return announcement is null ? [] : [announcement];
    }

    /// <summary>A party's evaluation: opened (with its round), due within a week, or submitted for review.</summary>
    private static IEnumerable<Announcement> OfEvaluation(EntityEntry<Domain.Evaluations.PartyEvaluation> entry)
    {
        var evaluation = entry.Entity;
        if (evaluation.Round.Status == Domain.Evaluations.EvaluationRoundStatus.Published && entry.State == EntityState.Added)
        {
            yield break; // a round recorded after the fact (the demo's 2019 one): nobody waits on it
        }
        // The party is named: a bureau that speaks for several parties of one agreement gets one entry for each.
        var subject = $"{evaluation.Round.Title} · {evaluation.Agreement.Title} · {evaluation.OrganisationName}";
        var party = new[] { (evaluation.OrganisationId, evaluation.RegionCode) };
        var due = evaluation.Round.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (entry.State == EntityState.Added)
        {
            yield return new(NotificationKind.EvaluationOpened, NotificationRecord.Evaluation, evaluation.Id, subject, due, r => r.OfPartiesAsync(party));
            yield break;
        }
        if (entry.Property(e => e.ReminderSentOn).OriginalValue is null && evaluation.ReminderSentOn is not null)
        {
            yield return new(NotificationKind.EvaluationDue, NotificationRecord.Evaluation, evaluation.Id, subject, due, r => r.OfPartiesAsync(party));
        }
        if (entry.Property(e => e.Status).OriginalValue == Domain.Evaluations.PartyEvaluationStatus.Open
            && evaluation.Status == Domain.Evaluations.PartyEvaluationStatus.Submitted)
        {
            var reviewer = evaluation.ReviewerJurisdiction;
            yield return new(NotificationKind.EvaluationSubmitted, NotificationRecord.Evaluation, evaluation.Id, subject, evaluation.OrganisationName,
                r => reviewer is null ? r.OfMinistryAsync() : r.OfJurisdictionAsync(reviewer));
        }
    }

    /// <summary>A round's results published: every assessed party is told (through the access filter of whoever
    /// publishes, who sees every agreement of the round).</summary>
    private static async Task<IEnumerable<Announcement>> OfPublishedRoundAsync(AppDbContext db, EntityEntry<Domain.Evaluations.EvaluationRound> entry,
        CancellationToken cancellationToken)
    {
        var round = entry.Entity;
        if (entry.Property(r => r.Status).OriginalValue == round.Status || round.Status != Domain.Evaluations.EvaluationRoundStatus.Published)
        {
            return [];
        }
        var parties = await db.PartyEvaluations.Where(e => e.RoundId == round.Id)
            .Select(e => new { e.Id, e.OrganisationId, e.OrganisationName, e.RegionCode, e.Agreement.Title }).ToListAsync(cancellationToken);
        return parties.Select(p => new Announcement(NotificationKind.EvaluationPublished, NotificationRecord.Evaluation, p.Id,
            $"{round.Title} · {p.Title} · {p.OrganisationName}", null, r => r.OfPartiesAsync([(p.OrganisationId, p.RegionCode)])));
    }

    private static IEnumerable<Announcement> OfRequest(EntityEntry<RegistrationRequest> entry)
    {
        var request = entry.Entity;
        if (entry.State == EntityState.Added)
        {
            // Any bureau over the partner's region may answer; the one responsible for it is told (else the system admin).
            var region = request.RegionCode;
            yield return new(NotificationKind.RegistrationRequested, NotificationRecord.RegistrationRequest, request.Id, request.Name, null,
                async r => await r.OfJurisdictionAsync(await r.NearestAsync(RegionCode.IsWellFormed(region) ? [.. RegionCode.Prefixes(region).Reverse()] : [])));
        }
        else if (entry.Property(r => r.Status).OriginalValue == RegistrationRequestStatus.Pending && request.Status != RegistrationRequestStatus.Pending)
        {
            var accepted = request.Status == RegistrationRequestStatus.Accepted;
            yield return new(accepted ? NotificationKind.RegistrationAccepted : NotificationKind.RegistrationDeclined,
                NotificationRecord.RegistrationRequest, request.Id, request.Name, accepted ? null : request.DeclineReason,
                r => r.OfRequesterAsync(request.RequestedByUserId, request.RequestedByOrganisationId));
        }
    }

    private static async Task LoadAsync(CollectionEntry collection, CancellationToken cancellationToken)
    {
        if (!collection.IsLoaded)
        {
            await collection.LoadAsync(cancellationToken);
        }
    }

    /// <summary>The accounts an announcement reaches, looked up once per save (a framework agreement's 16 parties in
    /// one county cost one lookup of its bureau).</summary>
    private sealed class Recipients(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, string?> nearest = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyCollection<Recipient>> jurisdictions = new(StringComparer.Ordinal);
        private readonly Dictionary<Guid, IReadOnlyCollection<Recipient>> organisations = [];

        public async Task<string?> NearestAsync(IReadOnlyList<string> prefixesNearestFirst)
        {
            var key = string.Join(',', prefixesNearestFirst);
            if (!nearest.TryGetValue(key, out var found))
            {
                nearest[key] = found = await ResponsibleBureaus.NearestWithAccountAsync(db, prefixesNearestFirst, now);
            }
            return found;
        }

        /// <summary>A bureau's accounts (null: the system admins).</summary>
        public async Task<IReadOnlyCollection<Recipient>> OfJurisdictionAsync(string? jurisdiction)
        {
            var key = jurisdiction ?? string.Empty;
            if (!jurisdictions.TryGetValue(key, out var found))
            {
                jurisdictions[key] = found = await ResponsibleBureaus.AccountsOf(db, jurisdiction, now)
                    .Select(u => new Recipient(u.Id, u.Email)).ToListAsync(cancellationToken);
            }
            return found;
        }

        /// <summary>The ministry's accounts (who review a national round's last resort).</summary>
        public async Task<IReadOnlyCollection<Recipient>> OfMinistryAsync()
        {
            const string key = "ministry";
            if (!jurisdictions.TryGetValue(key, out var found))
            {
                jurisdictions[key] = found = await ResponsibleBureaus.MinistryAccounts(db, now)
                    .Select(u => new Recipient(u.Id, u.Email)).ToListAsync(cancellationToken);
            }
            return found;
        }

        public async Task<IReadOnlyCollection<Recipient>> OfOrganisationAsync(Guid organisationId)
        {
            if (!organisations.TryGetValue(organisationId, out var found))
            {
                organisations[organisationId] = found = await ResponsibleBureaus.AccountsOfOrganisation(db, organisationId, now)
                    .Select(u => new Recipient(u.Id, u.Email)).ToListAsync(cancellationToken);
            }
            return found;
        }

        /// <summary>Each party's own accounts (a school's principal, a bureau's staff) and the accounts of the bureau
        /// responsible for its place — not the system admin: a party's news is no admin's work.</summary>
        public async Task<IReadOnlyCollection<Recipient>> OfPartiesAsync(IEnumerable<(Guid OrganisationId, string RegionCode)> parties)
        {
            var all = new List<Recipient>();
            foreach (var (organisationId, regionCode) in parties)
            {
                all.AddRange(await OfOrganisationAsync(organisationId));
                if (RegionCode.IsWellFormed(regionCode) && await NearestAsync([.. RegionCode.Prefixes(regionCode).Reverse()]) is { } bureau)
                {
                    all.AddRange(await OfJurisdictionAsync(bureau));
                }
            }
            return all;
        }

        /// <summary>The side that submitted a plan: a bureau's accounts (<c>r:5203</c>) or a school's (<c>o:{id}</c>).</summary>
        public Task<IReadOnlyCollection<Recipient>> OfSideAsync(string accessKey) =>
            accessKey.StartsWith("r:", StringComparison.Ordinal) ? OfJurisdictionAsync(accessKey[2..])
            : Guid.TryParseExact(accessKey[2..], "N", out var organisationId) ? OfOrganisationAsync(organisationId)
            : Task.FromResult<IReadOnlyCollection<Recipient>>([]);

        public async Task<IReadOnlyCollection<Recipient>> OfRequesterAsync(Guid userId, Guid? organisationId)
        {
            var requester = await db.Users.Where(u => u.Id == userId).Select(u => new Recipient(u.Id, u.Email)).ToListAsync(cancellationToken);
            return organisationId is { } organisation ? [.. requester, .. await OfOrganisationAsync(organisation)] : requester;
        }
    }
}
