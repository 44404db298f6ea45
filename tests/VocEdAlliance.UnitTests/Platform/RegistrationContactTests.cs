using VocEdAlliance.Web.Pages.Institutions;

namespace VocEdAlliance.UnitTests.Platform;

/// <summary>The telephone number a registration request's contact carries onto the new institution's form.</summary>
public class RegistrationContactTests
{
    [Theory]
    [InlineData("王老师 021-12345678", "021-12345678")]
    [InlineData("办公室 +86 (851) 2822 1234 转 8", "+86 (851) 2822 1234")]
    [InlineData("13800000000（李主任）", "13800000000")]
    [InlineData("李主任", null)]
    [InlineData("第3教学楼 2 层", null)]
    [InlineData(null, null)]
    public void The_first_telephone_number_of_the_contact_fills_the_contact_telephone(string? contact, string? telephone) =>
        Assert.Equal(telephone, CreateModel.TelephoneIn(contact));
}
