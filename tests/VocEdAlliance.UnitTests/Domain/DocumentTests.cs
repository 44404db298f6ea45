using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Documents;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.UnitTests.Domain;

public class DocumentTests
{
    private static readonly Agreement Agreement = Agreement.Record(new AgreementTerms(AgreementKind.Pairing, "结对", null, null,
        [new(Guid.NewGuid(), "甲", OrganisationType.Institution, InstitutionKind.SecondaryVocationalSchool, "520302", null, null, null),
         new(Guid.NewGuid(), "乙", OrganisationType.Institution, InstitutionKind.SecondaryVocationalSchool, "310116", null, null, null)],
        new DateOnly(2023, 1, 1), null, [CooperationMode.TeacherTraining], null, null), null, null, DateTimeOffset.UtcNow, Guid.NewGuid());

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, DocumentKind.Pdf)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, DocumentKind.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, DocumentKind.Png)]
    public void The_kind_comes_from_the_content(byte[] content, DocumentKind kind) =>
        Assert.Equal(kind, Document.For(Agreement, "扫描件.bin", content, Guid.NewGuid(), DateTimeOffset.UtcNow).Kind);

    [Fact]
    public void A_file_named_pdf_that_is_not_one_is_refused_and_so_is_an_empty_one()
    {
        Assert.Equal("Document.UnknownType", Assert.Throws<DomainException>(() =>
            Document.For(Agreement, "协议.pdf", "<html>not a pdf</html>"u8.ToArray(), Guid.NewGuid(), DateTimeOffset.UtcNow)).MessageKey);
        Assert.Equal("Document.Empty", Assert.Throws<DomainException>(() => Document.For(Agreement, "空.pdf", [], Guid.NewGuid(), DateTimeOffset.UtcNow)).MessageKey);
    }

    [Fact]
    public void A_document_keeps_its_checksum_and_a_safe_file_name()
    {
        var document = Document.For(Agreement, "../../etc/协议扫描件.pdf", "%PDF-1.7 content"u8.ToArray(), Guid.NewGuid(), DateTimeOffset.UtcNow);

        Assert.Equal("协议扫描件.pdf", document.FileName);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("%PDF-1.7 content"u8)), document.Sha256);
    }
}
