using System.Net;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.IntegrationTests.Infrastructure;
using VocEdAlliance.Web.Data.Seed;
using VocEdAlliance.Web.Domain.Alliances;

namespace VocEdAlliance.IntegrationTests.Alliances;

public class AllianceTests(PortalFixture portal)
{
    private async Task<PortalSession> As(string email)
    {
        var session = portal.NewSession();
        await session.SignInAsync(email, DemoAccounts.Password);
        return session;
    }

    [Fact]
    public async Task Hunan_founds_an_alliance_led_by_Liuyang_adds_a_Shanghai_member_and_visibility_follows_the_members()
    {
        var name = $"湘赣边测试联盟{Guid.NewGuid():N}"[..15];
        using var hunan = await As("hunan.staff@demo.local");

        var form = await hunan.GetAsync("/Alliances/Create");
        var details = await hunan.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Kind"] = nameof(AllianceKind.VocationalEducationUnion),
            ["Input.FocusAreas"] = nameof(FocusArea.TeacherTraining),
            ["Input.FoundedOn"] = "2021-04-16",
            ["Input.Lead"] = DemoOrganisations.LiuyangBureau,
        });
        Assert.Contains(name, details.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var alliance = await portal.WithDatabaseAsync(db => db.Alliances.SingleAsync(a => a.Name == name));

        using var zunyi = await As("zunyi.staff@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await zunyi.GetAsync($"/Alliances/{alliance.Id}")).Status);
        Assert.DoesNotContain(name, (await zunyi.GetAsync("/Alliances")).Text, StringComparison.Ordinal);

        var added = await hunan.SubmitAsync(details, "form[action$='handler=AddMember']", new Dictionary<string, string>
        {
            ["Input.Organisation"] = DemoOrganisations.Spa,
            ["Input.Role"] = nameof(MemberRole.Member),
            ["Input.JoinedOn"] = "2022-05-31",
        });
        Assert.Equal("2", added.Document.QuerySelector("[data-testid=member-count]")?.TextContent);

        using var liuyang = await As("liuyang.staff@demo.local");
        using var spa = await As("spa.principal@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await liuyang.GetAsync($"/Alliances/{alliance.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await spa.GetAsync($"/Alliances/{alliance.Id}")).Status);
        Assert.Null((await spa.GetAsync($"/Alliances/{alliance.Id}")).Document.QuerySelector($"a[href='/Alliances/Edit/{alliance.Id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await zunyi.GetAsync($"/Alliances/{alliance.Id}")).Status);
    }

    [Fact]
    public async Task An_alliance_needs_a_lead_the_founder_can_name_and_a_name()
    {
        using var liuyang = await As("liuyang.staff@demo.local");
        var form = await liuyang.GetAsync("/Alliances/Create");

        var page = await liuyang.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Kind"] = nameof(AllianceKind.VocationalEducationGroup),
            ["Input.Lead"] = DemoOrganisations.Honghuagang,
        });

        Assert.Equal("请填写名称。", page.FieldError("Input.Name"));
        Assert.Equal("牵头单位须在您的管辖范围内。", (await liuyang.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Name"] = "越权联盟",
            ["Input.Kind"] = nameof(AllianceKind.VocationalEducationGroup),
            ["Input.Lead"] = DemoOrganisations.Honghuagang,
        })).FieldError("Input.Lead"));
        Assert.False(await portal.WithDatabaseAsync(db => db.Alliances.AnyAsync(a => a.Name == "越权联盟")));
    }
}
