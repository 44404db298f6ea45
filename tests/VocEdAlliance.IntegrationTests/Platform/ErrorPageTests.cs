
namespace VocEdAlliance.IntegrationTests.Platform;

public class ErrorPageTests(PortalFixture portal)
{
    [Fact]
    public async Task An_unknown_address_answers_404_with_a_friendly_page_in_the_users_language()
    {
        using var session = portal.NewSession();
        await session.SignInAsync("liuyang.staff@demo.local", DemoAccounts.Password);

        var missing = await session.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("页面不存在", missing.Document.QuerySelector("[data-testid=status-page] h1")?.TextContent);
        Assert.Equal("演示·浏阳市教育局工作人员", missing.Document.QuerySelector("[data-testid=signed-in-user]")?.TextContent);
    }
}
