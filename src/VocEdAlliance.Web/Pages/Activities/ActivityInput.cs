using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Pages.Shared;

namespace VocEdAlliance.Web.Pages.Activities;

public sealed class ActivityInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.ActivityKind")]
    public ActivityKind? Kind { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(CooperationActivity.TitleMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.Title")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.StartsOn")]
    public PartialDate? StartsOn { get; set; }

    [Display(Name = "Field.EndsOn")]
    public PartialDate? EndsOn { get; set; }

    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.Location")]
    public string? Location { get; set; }

    [StringLength(CooperationActivity.TextMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.ParticipatingOrganisations")]
    public string? ParticipatingOrganisations { get; set; }

    [Range(0, 10_000_000, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Participants")]
    public int? Participants { get; set; }

    [Range(0, 10_000_000, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Students")]
    public int? Students { get; set; }

    [Range(0, 10_000_000, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Teachers")]
    public int? Teachers { get; set; }

    [Range(0, 10_000_000, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Trainees")]
    public int? Trainees { get; set; }

    [Range(0, 10_000_000, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Employed")]
    public int? Employed { get; set; }

    [Range(0, 10_000_000, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.HouseholdsBenefited")]
    public int? HouseholdsBenefited { get; set; }

    [Range(0, 10_000_000, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.IndustryLeaders")]
    public int? IndustryLeaders { get; set; }

    [Range(typeof(decimal), "0", "100000000000", ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.AmountCny")]
    public decimal? AmountCny { get; set; }

    [StringLength(CooperationActivity.TextMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }

    [Display(Name = "Field.GiverOrganisationId")]
    public Guid? GiverOrganisationId { get; set; }

    [Display(Name = "Field.ReceiverOrganisationId")]
    public Guid? ReceiverOrganisationId { get; set; }

    [StringLength(200, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.SourceOfFunds")]
    public string? SourceOfFunds { get; set; }

    public uint Version { get; set; }

    /// <summary>The details for the domain; a giver without a receiver (or the reverse) is refused, never dropped.</summary>
    public ActivityDetails ToDetails()
    {
        if (GiverOrganisationId is null != ReceiverOrganisationId is null)
        {
            throw new DomainException("Activity.SupportNeedsGiverAndReceiver",
                GiverOrganisationId is null ? nameof(GiverOrganisationId) : nameof(ReceiverOrganisationId));
        }
        return new(Kind!.Value, Title!, StartsOn!.Value.Start, EndsOn?.Start, Location, ParticipatingOrganisations,
            new ActivityOutcomes(Participants, Students, Teachers, Trainees, AmountCny, Employed, HouseholdsBenefited, IndustryLeaders), Description,
            GiverOrganisationId is { } giver && ReceiverOrganisationId is { } receiver ? new SupportEntry(giver, receiver, SourceOfFunds) : null,
            StartsOn.Value.Precision, EndsOn?.Precision ?? DatePrecision.Day);
    }

    /// <summary>The one way typed values become an activity of an agreement or alliance — the create form and an
    /// import row alike; a refusal goes next to its field in <paramref name="errors"/>, and null is returned.</summary>
    public CooperationActivity? Record(Agreement? agreement, Alliance? alliance, Guid userId, DateTimeOffset now,
        ModelStateDictionary errors, IStringLocalizer t)
    {
        if (!errors.IsValid)
        {
            return null;
        }
        try
        {
            return CooperationActivity.Record(agreement, alliance, ToDetails(), userId, now);
        }
        catch (DomainException problem)
        {
            errors.AddRefusal(problem, t);
            return null;
        }
    }

    /// <summary>The one way typed values change an activity — the edit form and an import row alike.</summary>
    public bool ApplyTo(CooperationActivity activity, ModelStateDictionary errors, IStringLocalizer t)
    {
        if (!errors.IsValid)
        {
            return false;
        }
        try
        {
            activity.Change(ToDetails());
            return true;
        }
        catch (DomainException broken)
        {
            errors.AddRefusal(broken, t);
            return false;
        }
    }

    public static ActivityInput From(CooperationActivity a) => new()
    {
        Kind = a.Kind, Title = a.Title, StartsOn = a.Starts, EndsOn = a.Ends, Location = a.Location,
        ParticipatingOrganisations = a.ParticipatingOrganisations, Participants = a.Participants, Students = a.Students,
        Teachers = a.Teachers, Trainees = a.Trainees, AmountCny = a.AmountCny, Employed = a.Employed,
        HouseholdsBenefited = a.HouseholdsBenefited, IndustryLeaders = a.IndustryLeaders, Description = a.Description, Version = a.Version,
        GiverOrganisationId = a.GiverOrganisationId, ReceiverOrganisationId = a.ReceiverOrganisationId, SourceOfFunds = a.SourceOfFunds,
    };
}

/// <summary>A party of the activity's agreement, offered as giver or receiver of support.</summary>
public sealed record PartyOption(Guid Id, string Name)
{
    public static IReadOnlyList<PartyOption> Of(CooperationActivity activity) =>
        activity.Agreement is { } agreement ? [.. agreement.Parties.Select(p => new PartyOption(p.OrganisationId, p.OrganisationName))] : [];
}
