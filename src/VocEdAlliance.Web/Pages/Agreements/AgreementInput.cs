using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Pages.Shared;

namespace VocEdAlliance.Web.Pages.Agreements;

/// <summary>What the agreement forms bind: the terms, and one row per party.</summary>
public sealed class AgreementInput
{
    public const int MinimumPartyRows = 2;

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.AgreementKind")]
    public AgreementKind? Kind { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Agreement.TitleMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.Title")]
    public string? Title { get; set; }

    [StringLength(Agreement.NumberMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.AgreementNumber")]
    public string? Number { get; set; }

    [Display(Name = "Field.Alliance")]
    public Guid? AllianceId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.EffectiveFrom")]
    public PartialDate? EffectiveFrom { get; set; }

    [Display(Name = "Field.EffectiveTo")]
    public DateOnly? EffectiveTo { get; set; }

    [Display(Name = "Field.CooperationModes")]
    public List<CooperationMode> Modes { get; set; } = [];

    [StringLength(Agreement.TextMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.Specialties")]
    public string? Specialties { get; set; }

    [StringLength(Agreement.TextMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.Notes")]
    public string? Notes { get; set; }

    [Display(Name = "Field.ImplementsFramework")]
    public Guid? ImplementsFrameworkId { get; set; }

    [StringLength(Agreement.CollegeNameMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.CollegeName")]
    public string? CollegeName { get; set; }

    public List<PartyInput> Parties { get; set; } = [new(), new()];

    public List<QuotaInput> Quotas { get; set; } = [];

    public uint Version { get; set; }

    /// <summary>One quota row: people a year for a cooperation mode, from one year to another (a blank row is none).</summary>
    public sealed class QuotaInput
    {
        [Display(Name = "Field.QuotaMode")]
        public CooperationMode? Mode { get; set; }

        [Range(1, AgreementQuota.MaxPeoplePerYear, ErrorMessage = "Validation.Range")]
        [Display(Name = "Field.QuotaPeoplePerYear")]
        public long? PeoplePerYear { get; set; }

        [Range(BusinessDates.EarliestYear, BusinessDates.LatestYear, ErrorMessage = "Validation.Range")]
        [Display(Name = "Field.QuotaFromYear")]
        public int? FromYear { get; set; }

        [Range(BusinessDates.EarliestYear, BusinessDates.LatestYear, ErrorMessage = "Validation.Range")]
        [Display(Name = "Field.QuotaToYear")]
        public int? ToYear { get; set; }

        public bool IsBlank => Mode is null && PeoplePerYear is null && FromYear is null && ToYear is null;
    }

    public sealed class PartyInput
    {
        [Display(Name = "Field.PartyRole")]
        public PartyRole Role { get; set; } = PartyRole.Signatory;

        [Display(Name = "Field.PartyOrganisation")]
        public string? Organisation { get; set; }

        [StringLength(100, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.SignatoryName")]
        public string? SignatoryName { get; set; }

        [StringLength(100, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.SignatoryTitle")]
        public string? SignatoryTitle { get; set; }

        [Display(Name = "Field.SignedOn")]
        public DateOnly? SignedOn { get; set; }
    }

    public static AgreementInput From(Agreement agreement) => new()
    {
        Kind = agreement.Kind,
        Title = agreement.Title,
        Number = agreement.Number,
        AllianceId = agreement.AllianceId,
        EffectiveFrom = agreement.Effective,
        EffectiveTo = agreement.EffectiveTo,
        Modes = [.. agreement.Modes],
        Specialties = agreement.Specialties,
        Notes = agreement.Notes,
        ImplementsFrameworkId = agreement.ImplementsFrameworkId,
        CollegeName = agreement.CollegeName,
        Quotas = [.. agreement.Quotas.Select(q => new QuotaInput { Mode = q.Mode, PeoplePerYear = q.PeoplePerYear, FromYear = q.FromYear, ToYear = q.ToYear })],
        Parties = [.. agreement.PartiesInOrder.Select(p => new PartyInput
        {
            Organisation = p.OrganisationName,
            Role = p.Role,
            SignatoryName = p.SignatoryName,
            SignatoryTitle = p.SignatoryTitle,
            SignedOn = p.SignedOn,
        })],
        Version = agreement.Version,
    };

    /// <summary>What a row button of the form asks (without saving): <c>party</c> adds a party row, <c>quota</c> a quota
    /// row, <c>up:3</c> lists party 4 before party 3. Anything else changes nothing.</summary>
    public void ChangeRows(string? row)
    {
        if (row == "party")
        {
            Parties.Add(new PartyInput());
        }
        else if (row == "quota")
        {
            Quotas.Add(new QuotaInput());
        }
        else if (row is not null && row.StartsWith("up:", StringComparison.Ordinal)
                 && int.TryParse(row.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
                 && i > 0 && i < Parties.Count)
        {
            (Parties[i - 1], Parties[i]) = (Parties[i], Parties[i - 1]);
        }
    }

    /// <summary>Adds empty party rows up to the minimum, for the form.</summary>
    public void PadParties()
    {
        while (Parties.Count < MinimumPartyRows)
        {
            Parties.Add(new PartyInput());
        }
    }

    /// <summary>The terms, with each typed party resolved to an organisation (by <see cref="OrganisationLookup"/>, or
    /// by <paramref name="find"/>: an import's lookup that remembers a file's names); null (and messages next to the
    /// party fields) when one cannot be.</summary>
    /// <param name="existing">The agreement being changed (none when one is recorded): a framework it names that the
    /// user may not see is kept when the field comes back empty, and a framework others implement keeps its kind.</param>
    public async Task<AgreementTerms?> ToTermsAsync(AppDbContext db, ModelStateDictionary modelState, IStringLocalizer t,
        Func<string, Task<OrganisationLookup.Found?>>? find = null, Agreement? existing = null)
    {
        find ??= typed => OrganisationLookup.FindAsync(db, typed);
        var parties = new List<PartyTerms>();
        for (var i = 0; i < Parties.Count; i++)
        {
            var row = Parties[i];
            if (string.IsNullOrWhiteSpace(row.Organisation))
            {
                continue;
            }
            var found = await find(row.Organisation);
            if (found is null)
            {
                modelState.AddModelError($"Input.Parties[{i}].Organisation", t["Agreement.PartyNotFound", row.Organisation.Trim()]);
                continue;
            }
            parties.Add(new PartyTerms(found.Id, found.Name, found.Type, found.Kind, found.RegionCode,
                row.SignatoryName, row.SignatoryTitle, row.SignedOn, row.Role));
        }
        var quotas = new List<AgreementQuota>();
        for (var i = 0; i < Quotas.Count; i++)
        {
            var row = Quotas[i];
            if (row.IsBlank)
            {
                continue;
            }
            var field = $"Input.Quotas[{i}]";
            if (row.Mode is null)
            {
                modelState.AddModelError($"{field}.Mode", t["Validation.Required", t["Field.QuotaMode"]]);
            }
            if (row.PeoplePerYear is null)
            {
                modelState.AddModelError($"{field}.PeoplePerYear", t["Validation.Required", t["Field.QuotaPeoplePerYear"]]);
            }
            if (row.FromYear is null)
            {
                modelState.AddModelError($"{field}.FromYear", t["Validation.Required", t["Field.QuotaFromYear"]]);
            }
            if (row is { Mode: { } mode, PeoplePerYear: { } people and >= 1 and <= AgreementQuota.MaxPeoplePerYear, FromYear: { } from })
            {
                quotas.Add(new AgreementQuota(mode, (int)people, from, row.ToYear ?? from));
            }
        }
        await AllianceOptions.CheckVisibleAsync(db, AllianceId, $"Input.{nameof(AllianceId)}", modelState, t);
        if (ImplementsFrameworkId is null && await FrameworkOptions.IsHiddenAsync(db, existing?.ImplementsFrameworkId))
        {
            ImplementsFrameworkId = existing!.ImplementsFrameworkId;
        }
        await FrameworkOptions.CheckAsync(db, ImplementsFrameworkId, existing?.ImplementsFrameworkId, $"Input.{nameof(ImplementsFrameworkId)}", modelState, t);
        if (existing is { Kind: AgreementKind.Framework } && Kind is not (null or AgreementKind.Framework)
            && await db.Agreements.IgnoreQueryFilters().AnyAsync(a => a.ImplementsFrameworkId == existing.Id))
        {
            // Read past the filter: a pairing the user may not see still implements it.
            modelState.AddModelError($"Input.{nameof(Kind)}", t["Agreement.FrameworkHasImplementations"]);
        }
        if (!modelState.IsValid || Kind is null || EffectiveFrom is null)
        {
            return null;
        }
        return new AgreementTerms(Kind.Value, Title!, Number, AllianceId, parties, EffectiveFrom.Value.Start, EffectiveTo,
            Modes, Specialties, Notes, ImplementsFrameworkId, CollegeName, quotas, EffectiveFrom.Value.Precision);
    }
}
