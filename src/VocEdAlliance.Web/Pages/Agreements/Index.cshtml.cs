using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Regions;
using VocEdAlliance.Web.Pages.Import;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Agreements;

/// <summary>The agreements the user may see (scoped by the access filter), filtered, sorted and paged on the server.</summary>
public class IndexModel(AppDbContext db, RegionDirectory regions, IStringLocalizer<SharedResource> t) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public AgreementKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public AgreementStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Range(BusinessDates.EarliestYear, BusinessDates.LatestYear), Display(Name = "Field.Year")]
    public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public bool Archived { get; set; }

    public sealed record Row(Guid Id, string Title, AgreementKind Kind, AgreementStatus Status, DateOnly EffectiveFrom,
        DateOnly? EffectiveTo, IReadOnlyList<string> Parties, bool IsArchived, DatePrecision EffectiveFromPrecision = DatePrecision.Day)
    {
        public PartialDate Effective => new(EffectiveFrom, EffectiveFromPrecision);
    }

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanCreate { get; private set; }

    protected override string DefaultSort => "-from";

    protected override IEnumerable<ListFilter> Filters() =>
    [
        ("q", Q), ("region", Region), Choice("kind", Kind), Choice("status", Status),
        ("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("archived", Archived ? "true" : null),
    ];

    public async Task OnGetAsync()
    {
        CanCreate = User.IsInRole(Roles.SystemAdmin) || User.IsInRole(Roles.BureauAdmin) || User.IsInRole(Roles.BureauStaff);
        var (query, ordered) = await SelectedAsync();
        var page = await ordered
            .Select(a => new Row(a.Id, a.Title, a.Kind, a.Status, a.EffectiveFrom, a.EffectiveTo, new List<string>(), a.IsArchived, a.EffectiveFromPrecision))
            .ToPageAsync(PageNumber, query);
        // The parties of this page's agreements only: joined into the page query, every party in the country would be
        // read to find those of 25 agreements.
        var ids = page.Items.Select(r => r.Id).ToList();
        var parties = (await db.Set<AgreementParty>().AsNoTracking().Where(p => ids.Contains(p.AgreementId))
                .OrderBy(p => p.AgreementId).ThenBy(p => p.Position).Select(p => new { p.AgreementId, p.OrganisationName }).ToListAsync())
            .ToLookup(p => p.AgreementId, p => p.OrganisationName);
        Results = page with { Items = [.. page.Items.Select(r => r with { Parties = [.. parties[r.Id]] })] };
    }

    private static readonly string[] GeneralExportColumns =
    [
        "Field.Number", "Field.Title", "Field.AgreementKind", "Field.Status", "Field.Alliance", "Field.EffectiveFrom",
        "Field.EffectiveTo", "Field.CooperationModes", "Field.Specialties", "Field.Notes", "Field.ImplementsFramework", "Field.CollegeName",
        "Agreement.Quotas",
    ];

    /// <summary>Every agreement the filters select, in the list's order, with what the import reads back: the
    /// general information, the terms and each party (organisation, role, signatory, title, day signed), in the order
    /// they are listed, in a group of columns of its own — as many groups as the agreement with the most parties needs — then the terms hash.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var (_, ordered) = await SelectedAsync();
        var partyColumns = Math.Max(AgreementInput.MinimumPartyRows, await ordered.MaxAsync(a => (int?)a.Parties.Count) ?? 0);
        IReadOnlyList<LocalizedString> headers =
        [
            .. GeneralExportColumns.Select(k => t[k]),
            .. AgreementImport.PartyFields(partyColumns).Select(f => t[f.Header, f.HeaderArguments]),
            t["Field.TermsHash"], t["Field.Archived"],
        ];
        return Export(format, "Agreements.Title", headers,
            ordered.Select(a => new
            {
                a.Number, a.Title, a.Kind, a.Status, a.EffectiveFrom, a.EffectiveFromPrecision, a.EffectiveTo, a.Modes, a.Specialties, a.Notes, a.TermsHash, a.IsArchived,
                a.CollegeName, a.Quotas,
                Alliance = db.Alliances.Where(x => x.Id == a.AllianceId).Select(x => x.Name).FirstOrDefault(),
                Framework = db.Agreements.Where(x => x.Id == a.ImplementsFrameworkId).Select(x => x.Title).FirstOrDefault(),
                Parties = a.Parties.OrderBy(p => p.Position)
                    .Select(p => new { p.OrganisationName, p.Role, p.SignatoryName, p.SignatoryTitle, p.SignedOn }).ToList(),
            }),
            a => ValueTask.FromResult<object?[]>(
            [
                a.Number, a.Title, t.Enum(a.Kind), t.Enum(a.Status), a.Alliance, DateCell(a.EffectiveFrom, a.EffectiveFromPrecision), a.EffectiveTo,
                AgreementImport.ModesCell(a.Modes, t), a.Specialties, a.Notes, a.Framework, a.CollegeName, AgreementImport.QuotasCell(a.Quotas, t),
                .. Enumerable.Range(0, partyColumns).SelectMany(i => i < a.Parties.Count
                    ? new object?[] { a.Parties[i].OrganisationName, t.Enum(a.Parties[i].Role), a.Parties[i].SignatoryName, a.Parties[i].SignatoryTitle, a.Parties[i].SignedOn }
                    : new object?[AgreementImport.ColumnsPerParty]),
                a.TermsHash, a.IsArchived,
            ]));
    }

    private async Task<(IQueryable<Agreement> Query, IOrderedQueryable<Agreement> Ordered)> SelectedAsync()
    {
        var query = db.Agreements.AsNoTracking().Where(a => Archived || !a.IsArchived);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = Paging.ContainsPattern(Q);
            query = query.Where(a => EF.Functions.ILike(a.Title, pattern, @"\") || EF.Functions.ILike(a.Number!, pattern, @"\")
                                     || a.Parties.Any(p => EF.Functions.ILike(p.OrganisationName, pattern, @"\")));
        }
        if (!string.IsNullOrWhiteSpace(Region))
        {
            if (await regions.ResolveAnyAsync(Region) is { } region)
            {
                var prefix = RegionCode.JurisdictionPrefix(region.Code);
                var pattern = prefix + "%"; // digits only: nothing to escape
                query = query.Where(a => a.Parties.Any(p => EF.Functions.Like(p.RegionCode, pattern)));
            }
            else
            {
                ModelState.AddModelError(nameof(Region), t["Region.Unknown", Region]);
                query = query.Where(_ => false);
            }
        }
        if (Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }
        if (Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }
        if (Year is { } year)
        {
            var start = new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 31);
            query = query.Where(a => a.EffectiveFrom <= end && (a.EffectiveTo == null || a.EffectiveTo >= start));
        }
        var descending = SortDescending;
        IOrderedQueryable<Agreement> ordered = SortKey switch
        {
            "title" => descending ? query.OrderByDescending(a => a.Title) : query.OrderBy(a => a.Title),
            "status" => descending ? query.OrderByDescending(a => a.Status) : query.OrderBy(a => a.Status),
            "kind" => descending ? query.OrderByDescending(a => a.Kind) : query.OrderBy(a => a.Kind),
            _ => descending ? query.OrderByDescending(a => a.EffectiveFrom) : query.OrderBy(a => a.EffectiveFrom),
        };
        return (query, descending ? ordered.ThenByDescending(a => a.Id) : ordered.ThenBy(a => a.Id));
    }
}
