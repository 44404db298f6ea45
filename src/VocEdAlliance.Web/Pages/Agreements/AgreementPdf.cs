using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.Web.Pages.Agreements;

/// <summary>An agreement on paper, as the details page shows it to the user: general information, parties with their
/// signatories and confirmations (dated, China time), the canonical terms with their SHA-256, and a QR code of the
/// verification address of exactly this version. Each page's footer names who made it and when.</summary>
public static class AgreementPdf
{
    public static byte[] Compose(DetailsModel model, IStringLocalizer t, PortalClock clock, string printedBy)
    {
        var a = model.Agreement!;
        var made = t["Print.Made", clock.TimeOf(clock.GetUtcNow()), printedBy].Value;
        using var pdf = new PdfComposer(a.Title, made);
        pdf.Heading(a.Title);
        pdf.Field(t["Field.Status"], t.Enum(a.Status));
        pdf.Field(t["Field.AgreementKind"], t.Enum(a.Kind));
        pdf.Field(t["Field.AgreementNumber"], a.Number);
        pdf.Field(t["Field.Alliance"], model.AllianceName);
        pdf.Field(t["Field.EffectiveFrom"], LocalizerExtensions.Date(a.Effective));
        pdf.Field(t["Field.EffectiveTo"], LocalizerExtensions.Date(a.EffectiveTo));
        pdf.Field(t["Field.CooperationModes"], string.Join(t["List.Separator"], a.Modes.Select(m => t.Enum(m))));
        if (a.CollegeName is not null)
        {
            pdf.Field(t["Field.CollegeName"], a.CollegeName);
        }
        pdf.Field(t["Field.Specialties"], a.Specialties);
        if (a.Quotas.Count > 0)
        {
            pdf.Field(t["Agreement.Quotas"], string.Join(t["List.Separator"], a.Quotas.Select(model.Describe)));
        }
        if (model.Implements is { } framework)
        {
            pdf.Field(t["Agreement.Implements"], framework.Title);
        }
        pdf.Field(t["Field.Notes"], a.Notes);
        if (a.TerminatedOn is not null)
        {
            pdf.Field(t["Field.TerminatedOn"], LocalizerExtensions.Date(a.TerminatedOn));
            pdf.Field(t["Field.TerminationReason"], a.TerminationReason);
        }

        pdf.Heading(t["Agreement.Parties"], 12);
        pdf.Table(
            [t["Field.PartyOrganisation"], t["Field.PartyRole"], t["Field.Region"], t["Field.SignatoryName"], t["Field.SignatoryTitle"], t["Field.SignedOn"], t["Agreement.Confirmation"]],
            [3, 1, 2, 1.1, 1.1, 1.3, 2],
            model.Parties.Select(p => (IReadOnlyList<string>)[p.Name, t.Enum(p.Role), p.RegionPath, p.SignatoryName ?? string.Empty, p.SignatoryTitle ?? string.Empty,
                LocalizerExtensions.Date(p.SignedOn),
                p.Confirmed ? t["Agreement.ConfirmedOn", clock.TimeOf(p.ConfirmedAt!.Value)].Value
                    : p.Changes.Count > 0 ? t["Agreement.ChangedSinceConfirmation"].Value : t["Agreement.NotYetConfirmed"].Value]));

        pdf.Heading(t["Print.Terms"], 12);
        foreach (var line in a.TermsText.Split('\n'))
        {
            pdf.Paragraph(model.DescribeTerm(line), 9);
        }
        pdf.Field(t["Field.TermsHash"], a.TermsHash, 8);

        pdf.Heading(t["Print.Verification"], 12);
        pdf.QrCode(model.VerifyUrl, t["Print.VerificationText", model.VerifyUrl].Value);
        return pdf.ToBytes();
    }
}
