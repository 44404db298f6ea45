using System.Text.Json;
using VocEdAlliance.Web.Domain.Agreements;

namespace VocEdAlliance.IntegrationTests.Partners;

/// <summary>The partner directory finds any registered organisation in the country by a fragment of its name, its
/// credit code or its region, and shows only its public identity; finding one opens nothing: its records stay 404,
/// and its public profile opens only to those who share an agreement with it.</summary>
public class PartnerDirectoryTests(PortalFixture portal)
{
    private static async Task<List<(string Label, string Detail)>> SuggestAsync(PortalSession session, string text)
    {
        var json = await session.Http.GetStringAsync($"/Partners?handler=Suggest&q={Uri.EscapeDataString(text)}", TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e =>
        {
            // Only the public identity is sent: the value the form takes and the line that describes it.
            Assert.Equal(["label", "detail"], e.EnumerateObject().Select(p => p.Name));
            return (e.GetProperty("label").GetString()!, e.GetProperty("detail").GetString()!);
        })];
    }

    [Fact]
    public async Task Zunyi_staff_find_Shanghai_schools_by_a_fragment_of_the_name_and_the_form_takes_the_suggestion()
    {
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        var found = await SuggestAsync(zunyi, "上海市演示");
        Assert.Contains(found, s => s.Label == "上海市演示中职学校1" && s.Detail.Contains("上海市", StringComparison.Ordinal));
        // The page lists them too, none linked to a record Zunyi may not see.
        var page = await zunyi.GetAsync("/Partners?q=" + Uri.EscapeDataString("上海市演示"));
        var rows = page.Document.QuerySelectorAll("[data-testid=results] tbody tr");
        Assert.Contains(rows, r => r.TextContent.Contains("上海市演示中职学校1", StringComparison.Ordinal));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("[data-testid=results] a[href^='/Institutions/']"), a => a.TextContent.StartsWith("上海市演示", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_region_or_a_credit_code_finds_its_organisations_and_a_short_or_unsafe_query_finds_nothing()
    {
        var code = CreditCodes.New();
        var school = $"目录代码测试学校{code[^6..]}";
        await portal.WithDatabaseAsync(async db =>
        {
            db.Institutions.Add(new VocEdAlliance.Web.Domain.Organisations.Institution(school, null, VocEdAlliance.Web.Domain.Organisations.InstitutionKind.SecondaryVocationalSchool,
                VocEdAlliance.Web.Domain.Organisations.Ownership.Public, "430181", new(CreditCode: code), 2026));
            return await db.SaveChangesAsync();
        });
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        Assert.Contains(await SuggestAsync(zunyi, "浏阳"), s => s.Label == "浏阳市演示职业学校");
        Assert.Contains(await SuggestAsync(zunyi, code[..14].ToLowerInvariant()), s => s.Label == school && s.Detail.EndsWith(code, StringComparison.Ordinal));
        Assert.Empty(await SuggestAsync(zunyi, "%"));
        Assert.Empty(await SuggestAsync(zunyi, "\u202E学校"));
        var refused = await zunyi.GetAsync("/Partners?q=" + new string('校', 101));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Null(refused.Document.QuerySelector("[data-testid=results]"));
    }

    [Fact]
    public async Task A_directory_hit_opens_nothing_but_the_partner_s_profile_opens_to_both_sides_of_an_agreement()
    {
        // A Hunan school no Zunyi agreement names: found, but its page and its profile are 404 to Zunyi.
        var stranger = await portal.CreateInstitutionAsync("430181", "目录陌生测试学校");
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        Assert.Contains(await SuggestAsync(zunyi, "目录陌生测试"), s => s.Label == stranger.Name);
        Assert.Equal(HttpStatusCode.NotFound, (await zunyi.GetAsync($"/Institutions/{stranger.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await zunyi.GetAsync($"/Partners/Profile/{stranger.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await zunyi.GetAsync($"/Partners/Profile/{Guid.NewGuid()}")).Status);

        // Honghuagang's principal opens the profile of its pairing partner in Shanghai (its record stays 404).
        var partner = await portal.WithDatabaseAsync(db => db.Set<AgreementParty>()
            .Where(p => !EF.Functions.Like(p.RegionCode, "52%") && p.Agreement.Parties.Any(q => q.OrganisationName == DemoOrganisations.Honghuagang) && !p.Agreement.IsArchived)
            .Select(p => new { p.OrganisationId, p.OrganisationName }).FirstAsync());
        using var principal = await portal.SignedInAsync("honghuagang.principal@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await principal.GetAsync($"/Institutions/{partner.OrganisationId}")).Status);
        var profile = await principal.GetAsync($"/Partners/Profile/{partner.OrganisationId}");
        Assert.Equal(HttpStatusCode.OK, profile.Status);
        Assert.Equal(partner.OrganisationName, profile.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotEmpty(profile.Document.QuerySelectorAll("[data-testid=shared-agreements] a"));
        // What is private to the partner's bureau (address, telephone) is not on it.
        Assert.DoesNotContain("联系电话", profile.Document.QuerySelector("[data-testid=profile]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("地址", profile.Document.QuerySelector("[data-testid=profile]")!.TextContent, StringComparison.Ordinal);
    }
}
