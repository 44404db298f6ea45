using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Domain.Organisations;

public enum RegistrationRequestStatus
{
    Pending,
    Accepted,
    Declined,
}

/// <summary>A request to register a partner that is not in the portal yet, sent by a bureau to the bureaus of the
/// partner's region: accepted when one of them registers the institution (the request then names it), or declined with
/// a reason. Both sides see it: the requester's organisation and region, and every region above the partner's.</summary>
public sealed class RegistrationRequest : IAccessControlled
{
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 200;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Name { get; private set; } = string.Empty;
    public InstitutionKind Kind { get; private set; }

    /// <summary>Where the partner is: the bureaus of this region and above answer the request.</summary>
    public string RegionCode { get; private set; } = string.Empty;

    public string? CreditCode { get; private set; }

    /// <summary>Who at the partner can say more (a name, a telephone).</summary>
    public string? Contact { get; private set; }

    public Guid RequestedByUserId { get; private set; }
    public string RequestedByName { get; private set; } = string.Empty;
    public Guid? RequestedByOrganisationId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public RegistrationRequestStatus Status { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? DeclineReason { get; private set; }

    /// <summary>The institution registered in answer.</summary>
    public Guid? InstitutionId { get; private set; }

    public List<string> AccessKeys { get; private set; } = [];
    public uint Version { get; private set; }

    private RegistrationRequest()
    {
    }

    public RegistrationRequest(string name, InstitutionKind kind, string regionCode, string? creditCode, string? contact,
        Guid requestedByUserId, string requestedByName, Guid? requestedByOrganisationId, string? requesterRegionCode, DateTimeOffset now)
    {
        Name = Text.Required(name, nameof(Name), NameMaxLength);
        Kind = kind;
        RegionCode = regionCode;
        CreditCode = Text.Optional(creditCode?.ToUpperInvariant(), 18, nameof(CreditCode));
        if (CreditCode is not null && !UnifiedSocialCreditCode.IsValid(CreditCode))
        {
            throw new DomainException("Institution.CreditCodeInvalid", nameof(CreditCode));
        }
        Contact = Text.Optional(contact, ContactMaxLength, nameof(Contact));
        RequestedByUserId = requestedByUserId;
        RequestedByName = requestedByName;
        RequestedByOrganisationId = requestedByOrganisationId;
        RequestedAt = now;
        Status = RegistrationRequestStatus.Pending;
        var requester = requestedByOrganisationId is { } organisation && requesterRegionCode is not null
            ? Access.AccessKeys.For(organisation, requesterRegionCode) : [];
        AccessKeys = [.. requester.Concat(Regions.RegionCode.Prefixes(regionCode).Select(prefix => "r:" + prefix)).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The partner is registered: the request names the institution.</summary>
    public void Accept(Guid institutionId, DateTimeOffset now)
    {
        EnsurePending();
        Status = RegistrationRequestStatus.Accepted;
        InstitutionId = institutionId;
        AnsweredAt = now;
    }

    /// <summary>The partner's bureau declines, saying why; nothing is registered.</summary>
    public void Decline(string? reason, DateTimeOffset now)
    {
        EnsurePending();
        DeclineReason = Text.Required(reason, nameof(DeclineReason), ReasonMaxLength);
        Status = RegistrationRequestStatus.Declined;
        AnsweredAt = now;
    }

    private void EnsurePending()
    {
        if (Status != RegistrationRequestStatus.Pending)
        {
            throw new DomainException("RegistrationRequest.Answered");
        }
    }
}
