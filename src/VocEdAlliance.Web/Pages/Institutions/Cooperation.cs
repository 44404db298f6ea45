using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Pages.Shared;

namespace VocEdAlliance.Web.Pages.Institutions;

/// <summary>An institution's cooperation, as the user may see it (the access filter applies to every query): the
/// agreements it is party to, the alliances it belongs to, the activities and plans of those agreements, and its
/// partners — the other parties of those agreements. Archived records are left out. One section is read at a time,
/// a page of it.</summary>
public static class Cooperation
{
    public enum CooperationSection
    {
        Agreements,
        Alliances,
        Activities,
        Plans,
        Partners,
    }

    public sealed record AgreementRow(Guid Id, string Title, AgreementKind Kind, AgreementStatus Status, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
        Domain.DatePrecision EffectiveFromPrecision = Domain.DatePrecision.Day)
    {
        public Domain.PartialDate Effective => new(EffectiveFrom, EffectiveFromPrecision);
    }
    public sealed record AllianceRow(Guid Id, string Name, AllianceKind Kind);
    public sealed record ActivityRow(Guid Id, string Title, ActivityKind Kind, Domain.PartialDate StartsOn, string? AgreementTitle);
    public sealed record PlanRow(Guid Id, int Year, string AgreementTitle, PlanStatus Status);
    public sealed record PartnerRow(Guid OrganisationId, string Name, OrganisationType Type, string RegionCode, int Agreements);

    private static IQueryable<Agreement> AgreementsOf(AppDbContext db, Guid id) =>
        db.Agreements.Where(a => !a.IsArchived && a.Parties.Any(p => p.OrganisationId == id));

    /// <summary>How many records each section holds (up to the list cap).</summary>
    public static async Task<IReadOnlyDictionary<CooperationSection, int>> CountsAsync(AppDbContext db, Guid id)
    {
        var agreements = AgreementsOf(db, id);
        return new Dictionary<CooperationSection, int>
        {
            [CooperationSection.Agreements] = await agreements.Take(Paging.CountLimit).CountAsync(),
            [CooperationSection.Alliances] = await db.Alliances.Where(a => a.Members.Any(m => m.OrganisationId == id)).Take(Paging.CountLimit).CountAsync(),
            [CooperationSection.Activities] = await db.Activities.Where(a => !a.IsArchived && agreements.Any(g => g.Id == a.AgreementId)).Take(Paging.CountLimit).CountAsync(),
            [CooperationSection.Plans] = await db.Plans.Where(p => agreements.Any(g => g.Id == p.AgreementId)).Take(Paging.CountLimit).CountAsync(),
            [CooperationSection.Partners] = await Partners(db, id).Select(p => p.OrganisationId).Distinct().Take(Paging.CountLimit).CountAsync(),
        };
    }

    private static IQueryable<AgreementParty> Partners(AppDbContext db, Guid id) =>
        db.Set<AgreementParty>().Where(p => p.OrganisationId != id && !p.Agreement.IsArchived && p.Agreement.Parties.Any(q => q.OrganisationId == id));

    public static Task<PageOf<AgreementRow>> AgreementsAsync(AppDbContext db, Guid id, int page)
    {
        var agreements = AgreementsOf(db, id).AsNoTracking();
        return agreements.OrderByDescending(a => a.EffectiveFrom).ThenBy(a => a.Id)
            .Select(a => new AgreementRow(a.Id, a.Title, a.Kind, a.Status, a.EffectiveFrom, a.EffectiveTo, a.EffectiveFromPrecision)).ToPageAsync(page, agreements);
    }

    public static Task<PageOf<AllianceRow>> AlliancesAsync(AppDbContext db, Guid id, int page)
    {
        var alliances = db.Alliances.AsNoTracking().Where(a => a.Members.Any(m => m.OrganisationId == id));
        return alliances.OrderBy(a => a.Name).ThenBy(a => a.Id).Select(a => new AllianceRow(a.Id, a.Name, a.Kind)).ToPageAsync(page, alliances);
    }

    public static Task<PageOf<ActivityRow>> ActivitiesAsync(AppDbContext db, Guid id, int page)
    {
        var agreements = AgreementsOf(db, id);
        var activities = db.Activities.AsNoTracking().Where(a => !a.IsArchived && agreements.Any(g => g.Id == a.AgreementId));
        return activities.OrderByDescending(a => a.StartsOn).ThenBy(a => a.Id)
            .Select(a => new ActivityRow(a.Id, a.Title, a.Kind, new Domain.PartialDate(a.StartsOn, a.StartsOnPrecision), a.Agreement != null ? a.Agreement.Title : null)).ToPageAsync(page, activities);
    }

    public static Task<PageOf<PlanRow>> PlansAsync(AppDbContext db, Guid id, int page)
    {
        var agreements = AgreementsOf(db, id);
        var plans = db.Plans.AsNoTracking().Where(p => agreements.Any(g => g.Id == p.AgreementId));
        return plans.OrderByDescending(p => p.Year).ThenBy(p => p.Id)
            .Select(p => new PlanRow(p.Id, p.Year, p.Agreement!.Title, p.Status)).ToPageAsync(page, plans);
    }

    /// <summary>The other parties of its agreements, most agreements first; each links to its public profile.</summary>
    public static Task<PageOf<PartnerRow>> PartnersAsync(AppDbContext db, Guid id, int page)
    {
        // Ordered before the rows are made: EF orders by the grouping's columns, not by a record's members.
        return Partners(db, id).AsNoTracking()
            .GroupBy(p => new { p.OrganisationId, p.OrganisationName, p.OrganisationType, p.RegionCode })
            .Select(g => new { g.Key, Agreements = g.Count() })
            .OrderByDescending(g => g.Agreements).ThenBy(g => g.Key.OrganisationName).ThenBy(g => g.Key.OrganisationId)
            .Select(g => new PartnerRow(g.Key.OrganisationId, g.Key.OrganisationName, g.Key.OrganisationType, g.Key.RegionCode, g.Agreements))
            .ToPageAsync(page, Partners(db, id).Select(p => p.OrganisationId).Distinct());
    }
}
