using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Institutions;

/// <summary>A principal keeps the own school's profile; who and where the school is belongs to its bureau.</summary>
public class PrincipalProfileTests(PortalFixture portal)
{
    public static TheoryData<string, string, string> RegistryFields => new()
    {
        { "Name", "Input.Name", "改名后的学校" },
        { "NameEn", "Input.NameEn", "Renamed School" },
        { "Kind", "Input.Kind", nameof(InstitutionKind.HigherVocationalCollege) },
        { "Ownership", "Input.Ownership", nameof(Ownership.Private) },
        { "RegionCode", "Input.Region", "310101" },
        { "CreditCode", "Input.CreditCode", "91520302MA6DL0XX2K" },
    };

    [Theory]
    [MemberData(nameof(RegistryFields))]
    public async Task A_principal_cannot_change_a_registry_field_of_the_own_school(string field, string input, string value)
    {
        var school = await portal.CreateInstitutionAsync("520302", "遵义测试中职");
        using var principal = await portal.SignedInPrincipalAsync(school);
        var form = await principal.GetAsync($"/Institutions/Edit/{school.Id}");

        var refused = await principal.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string> { [input] = value });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("此项只能由学校所属教育局修改。", refused.FieldError(input));
        var stored = await portal.WithDatabaseAsync(db => db.Institutions.AsNoTracking().SingleAsync(i => i.Id == school.Id));
        Assert.Equal((school.Name, school.NameEn, school.Kind, school.Ownership, school.RegionCode, school.CreditCode, school.Version),
            (stored.Name, stored.NameEn, stored.Kind, stored.Ownership, stored.RegionCode, stored.CreditCode, stored.Version));
        Assert.Contains(field, Institution.RegistryFields);
    }

    [Fact]
    public async Task A_principal_updates_the_profile_of_the_own_school_and_sees_the_registry_fields_locked()
    {
        var school = await portal.CreateInstitutionAsync("520302", "遵义测试中职");
        using var principal = await portal.SignedInPrincipalAsync(school);
        var form = await principal.GetAsync($"/Institutions/Edit/{school.Id}");

        var saved = await principal.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Head"] = "张校长", ["Input.ContactPhone"] = "0851-12345678", ["Input.Enrolment"] = "1,200", ["Input.Address"] = "遵义市红花岗区",
        });

        Assert.NotNull(form.Document.QuerySelector("[data-testid=registry-fields-locked]"));
        Assert.True(form.Document.QuerySelector("#Input_Name")!.HasAttribute("readonly"));
        Assert.True(form.Document.QuerySelector("#Input_Kind")!.HasAttribute("disabled"));
        Assert.Single(form.Document.QuerySelectorAll("#Input_Kind")); // the kept value has an id of its own
        Assert.Equal($"/Institutions/{school.Id}", saved.Url.AbsolutePath);
        var stored = await portal.WithDatabaseAsync(db => db.Institutions.AsNoTracking().SingleAsync(i => i.Id == school.Id));
        Assert.Equal(("张校长", "0851-12345678", 1200, school.RegionCode), (stored.Head, stored.ContactPhone, stored.Enrolment, stored.RegionCode));
    }

    [Fact]
    public async Task The_bureau_still_changes_the_registry_fields()
    {
        var school = await portal.CreateInstitutionAsync("520302", "遵义测试中职");
        using var bureau = await portal.SignedInAsync("zunyi.staff@demo.local");
        var form = await bureau.GetAsync($"/Institutions/Edit/{school.Id}");

        await bureau.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Name"] = school.Name + "（更名）", ["Input.Kind"] = nameof(InstitutionKind.TechnicianSchool),
        });

        var stored = await portal.WithDatabaseAsync(db => db.Institutions.AsNoTracking().SingleAsync(i => i.Id == school.Id));
        Assert.Equal((school.Name + "（更名）", InstitutionKind.TechnicianSchool), (stored.Name, stored.Kind));
        Assert.Null(form.Document.QuerySelector("[data-testid=registry-fields-locked]"));
    }
}
