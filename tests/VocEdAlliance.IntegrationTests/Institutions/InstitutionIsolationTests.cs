using Microsoft.Extensions.DependencyInjection;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Institutions;

/// <summary>Liuyang's staff never see or touch a Zunyi-only school: every URL is 404 and it is in no list or search.</summary>
public class InstitutionIsolationTests(PortalFixture portal)
{
    [Fact]
    public async Task Liuyang_staff_get_404_for_every_page_of_a_Zunyi_school_and_never_see_it_listed()
    {
        var zunyiSchool = await portal.CreateInstitutionAsync("520302", "遵义隔离测试学校");
        using var session = portal.NewSession();
        await session.SignInAsync("liuyang.staff@demo.local", DemoAccounts.Password);

        var details = await session.GetAsync($"/Institutions/{zunyiSchool.Id}");
        var edit = await session.GetAsync($"/Institutions/Edit/{zunyiSchool.Id}");
        var ownEdit = await session.GetAsync("/Institutions/Create");
        var post = await session.Http.PostAsync($"/Institutions/Edit/{zunyiSchool.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "改名",
            ["__RequestVerificationToken"] = ownEdit.Document.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }), TestContext.Current.CancellationToken);
        var list = await session.GetAsync("/Institutions");
        var search = await session.GetAsync($"/Institutions?q={Uri.EscapeDataString(zunyiSchool.Name)}");

        Assert.Equal(HttpStatusCode.NotFound, details.Status);
        Assert.Equal(HttpStatusCode.NotFound, edit.Status);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain(zunyiSchool.Name, list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(zunyiSchool.Name, search.Text, StringComparison.Ordinal);
        Assert.NotNull(search.Document.QuerySelector("[data-testid=empty]"));
        Assert.Equal(zunyiSchool.Name, (await portal.WithDatabaseAsync(db => Task.FromResult(db.Institutions.Single(i => i.Id == zunyiSchool.Id)))).Name);
    }

    [Fact]
    public async Task The_Zunyi_bureau_and_the_Guizhou_level_see_the_school_and_Hunan_does_not()
    {
        var zunyiSchool = await portal.CreateInstitutionAsync("520302", "遵义可见性测试学校");

        foreach (var (email, sees) in new[] { ("zunyi.staff@demo.local", true), ("hunan.staff@demo.local", false), ("shanghai.staff@demo.local", false), ("admin@demo.local", true) })
        {
            using var session = portal.NewSession();
            await session.SignInAsync(email, DemoAccounts.Password);
            var list = await session.GetAsync($"/Institutions?q={Uri.EscapeDataString(zunyiSchool.Name)}");
            Assert.True(sees == list.Text.Contains(zunyiSchool.Name, StringComparison.Ordinal), $"{email} should{(sees ? "" : " not")} see it");
        }
    }

    [Fact]
    public async Task A_write_outside_the_jurisdiction_is_refused_by_the_database_layer_even_if_a_page_forgot_to_check()
    {
        var liuyangKey = new AccessScope(SeesEverything: false, MayWrite: true, Key: "r:430181");
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Use(liuyangKey);

        db.Institutions.Add(new Institution("越权创建的学校", null, InstitutionKind.Enterprise, Ownership.Private, "520302", new InstitutionProfile(), 2026));

        await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }
}
