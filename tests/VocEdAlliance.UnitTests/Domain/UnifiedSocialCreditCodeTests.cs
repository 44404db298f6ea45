using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.UnitTests.Domain;

public class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("914403001922038216")] // published codes of real companies
    [InlineData("91330100716105852F")]
    [InlineData("9144030071526726XG")]
    [InlineData("91110000802100433B")]
    public void Published_codes_pass_the_check_character(string code) =>
        Assert.True(UnifiedSocialCreditCode.IsValid(code));

    [Theory]
    [InlineData("914403001922038217")] // last character changed
    [InlineData("91440300192203821")] // 17 characters
    [InlineData("9144030019220382160")] // 19 characters
    [InlineData("9144030071526726xg")] // lower case is not in the alphabet
    [InlineData("91440300192203821I")] // I is never used
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_fails(string? code) =>
        Assert.False(UnifiedSocialCreditCode.IsValid(code));
}
