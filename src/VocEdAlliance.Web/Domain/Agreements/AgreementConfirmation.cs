using VocEdAlliance.Web.Domain.Access;

namespace VocEdAlliance.Web.Domain.Agreements;

/// <summary>One side's confirmation of an exact version of an agreement's terms: who, when, and the SHA-256 of the
/// canonical terms they saw (kept as text too, so that a later change can be shown to them line by line).</summary>
public sealed class AgreementConfirmation : IAccessControlledPart
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid AgreementId { get; private set; }
    public Agreement Agreement { get; private set; } = null!;

    /// <summary>The party whose side confirmed.</summary>
    public Guid PartyOrganisationId { get; private set; }

    public Guid ConfirmedByUserId { get; private set; }
    public DateTimeOffset ConfirmedAt { get; private set; }
    public string TermsHash { get; private set; } = string.Empty;
    public string TermsText { get; private set; } = string.Empty;

    private AgreementConfirmation()
    {
    }

    internal AgreementConfirmation(Agreement agreement, Guid partyOrganisationId, Guid userId, DateTimeOffset at)
    {
        Agreement = agreement;
        AgreementId = agreement.Id;
        PartyOrganisationId = partyOrganisationId;
        ConfirmedByUserId = userId;
        ConfirmedAt = at;
        TermsHash = agreement.TermsHash;
        TermsText = agreement.TermsText;
    }

    public IEnumerable<IAccessControlled?> Owners => [Agreement];
}
