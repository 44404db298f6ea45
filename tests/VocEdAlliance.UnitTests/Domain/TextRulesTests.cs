using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Documents;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.UnitTests.Domain;

/// <summary>The domain has the last word on text and dates, whatever door a value came through.</summary>
public class TextRulesTests
{
    [Fact]
    public void A_name_with_a_right_to_left_override_is_refused_on_its_field()
    {
        var refusal = Assert.Throws<DomainException>(() => new Institution("合同\u202Efdp.exe 学校", null,
            InstitutionKind.SecondaryVocationalSchool, Ownership.Public, "430181", new InstitutionProfile(), 2026));

        Assert.Equal(("Validation.HasForbiddenCharacter", "Name"), (refusal.MessageKey, refusal.Field));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public void An_activity_dated_outside_1900_to_2100_is_refused(string day)
    {
        var details = new ActivityDetails(ActivityKind.Visit, "考察", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            null, null, null, new ActivityOutcomes(), null);

        var refusal = Assert.Throws<DomainException>(() => CooperationActivity.Record(null,
            new VocEdAlliance.Web.Domain.Alliances.Alliance("联盟", null, VocEdAlliance.Web.Domain.Alliances.AllianceKind.VocationalEducationUnion, [], null, null, null,
                new VocEdAlliance.Web.Domain.Alliances.MemberTerms(Guid.NewGuid(), "学校", OrganisationType.Institution, "430181",
                    VocEdAlliance.Web.Domain.Alliances.MemberRole.Lead, null)),
            details, Guid.NewGuid(), DateTimeOffset.UtcNow));

        Assert.Equal(("Validation.DateOutOfRange", "StartsOn"), (refusal.MessageKey, refusal.Field));
    }

    [Theory]
    [InlineData("合同\u202Efdp.exe", "合同fdp.exe")]
    [InlineData(@"C:\scans\协议.pdf", "协议.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("a\0b\u0007.pdf", "ab.pdf")]
    [InlineData("\u202E", "document")]
    public void Stored_file_names_lose_paths_control_and_bidi_characters(string given, string kept) =>
        Assert.Equal(kept, Document.CleanFileName(given));
}
