using System.Text.Json;
using VocEdAlliance.IntegrationTests.Api;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.ApiTests;

/// <summary>The REST API as another system uses it: a personal access token made (and revoked) on the profile opens
/// it as its user — the same scope, the same rules, the same messages as the pages; concurrency by ETag/If-Match; a
/// repeated create makes one record; problems as problem+json.</summary>
public sealed class ApiTests(PortalFixture portal)
{
    private const string Zunyi = "zunyi.staff@demo.local";

    private Task<Guid> BureauOfAsync(string regionCode) =>
        portal.WithDatabaseAsync(db => db.Bureaus.Where(b => b.RegionCode == regionCode).Select(b => b.Id).SingleAsync());

    private static void AssertProblem(HttpStatusCode expected, (HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response) answer)
    {
        Assert.Equal(expected, answer.Status);
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, answer.Body.GetProperty("status").GetInt32());
    }

    private static object InstitutionBody(string name, string region = "520302", int? enrolment = 900) => new
    {
        name,
        kind = "SecondaryVocationalSchool",
        ownership = "Public",
        region,
        enrolment,
    };

    [Fact]
    public async Task A_token_made_on_the_profile_is_shown_once_opens_the_API_as_its_user_and_ends_when_revoked()
    {
        var user = await portal.CreateUserAsync(Roles.BureauStaff, organisationId: await BureauOfAsync("520300"));
        using var session = portal.NewSession();
        await session.SignInAsync(user.Email!, PortalFixture.TestPassword);
        var form = await session.GetAsync("/Account/Tokens");
        Assert.NotNull(form.Document.QuerySelector("[data-testid=no-tokens]"));
        var made = await session.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Name"] = "省平台同步",
            ["Input.Days"] = "30",
            ["Input.ReadOnly"] = "false",
        });
        var secret = made.Document.QuerySelector("[data-testid=new-token] input")?.GetAttribute("value");
        Assert.NotNull(secret);
        Assert.StartsWith("vea_", secret, StringComparison.Ordinal);
        Assert.Contains("省平台同步", made.Document.QuerySelector("[data-testid=tokens]")!.TextContent, StringComparison.Ordinal);
        // Shown once: the list says how it ends, never the secret again; the database holds its hash only.
        var again = await session.GetAsync("/Account/Tokens");
        Assert.Null(again.Document.QuerySelector("[data-testid=new-token]"));
        Assert.DoesNotContain(secret, again.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("…" + secret[^4..], again.Document.QuerySelector("[data-testid=tokens]")!.TextContent, StringComparison.Ordinal);
        var stored = await portal.WithDatabaseAsync(db => db.AccessTokens.SingleAsync(t => t.UserId == user.Id));
        Assert.Equal(PersonalAccessToken.Hash(secret), stored.SecretHash);
        Assert.NotEqual(secret, stored.SecretHash);
        Assert.False(stored.ReadOnly);

        using var api = ApiClient.WithSecret(portal.Factory, secret);
        var created = await api.SendAsync(HttpMethod.Post, "/api/v1/institutions", InstitutionBody($"令牌新建学校 {Guid.NewGuid():N}"[..15]));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        // The history says who did it: the token's user.
        var id = created.Body.GetProperty("id").GetGuid();
        Assert.True(await portal.WithDatabaseAsync(db => db.History.AnyAsync(h => h.RecordId == id && h.UserId == user.Id)));

        var revoked = await session.SubmitAsync(again, "[data-testid=tokens] form");
        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.Contains("已撤销", revoked.Document.QuerySelector("[data-testid=tokens]")!.TextContent, StringComparison.Ordinal);
        var refused = await api.GetAsync("/api/v1/institutions");
        AssertProblem(HttpStatusCode.Unauthorized, refused);
        Assert.Equal("Bearer", refused.Response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task The_sign_in_cookie_does_not_open_the_API_and_nor_does_a_made_up_token()
    {
        using var session = await portal.SignedInAsync(Zunyi);
        var withCookie = await session.Http.GetAsync("/api/v1/institutions", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);
        Assert.Equal("application/problem+json", withCookie.Content.Headers.ContentType?.MediaType);
        using var madeUp = ApiClient.WithSecret(portal.Factory, "vea_" + new string('A', 43));
        AssertProblem(HttpStatusCode.Unauthorized, await madeUp.GetAsync("/api/v1/agreements"));
        using var none = ApiClient.WithSecret(portal.Factory, null);
        AssertProblem(HttpStatusCode.Unauthorized, await none.GetAsync("/api/v1/activities"));
        // A route that does not exist is a problem too, not the pages' HTML.
        var (client, _) = await ApiClient.ForAsync(portal.Factory, Zunyi, readOnly: true);
        using (client)
        {
            AssertProblem(HttpStatusCode.NotFound, await client.GetAsync("/api/v1/no-such-list"));
        }
    }

    [Fact]
    public async Task Lists_hold_exactly_what_the_user_may_see_and_a_record_outside_is_404()
    {
        var hunan = await portal.CreateInstitutionAsync("430102", "湖南接口校");
        var mine = await portal.CreateInstitutionAsync("520302", "遵义接口校");
        var (api, _) = await ApiClient.ForAsync(portal.Factory, Zunyi);
        using (api)
        {
            var key = AccessKeys.ForJurisdiction("520300");
            var expected = await portal.WithDatabaseAsync(db => db.Institutions.Where(i => i.AccessKeys.Contains(key)).Select(i => i.Id).ToListAsync());
            var listed = (await api.AllAsync("/api/v1/institutions", limit: 7)).Select(i => i.GetProperty("id").GetGuid()).ToList();
            Assert.Equal(listed.Count, listed.Distinct().Count()); // no record on two pages
            Assert.Equal(expected.Order(), listed.Order());
            Assert.Contains(mine.Id, listed);
            Assert.DoesNotContain(hunan.Id, listed);

            var agreements = await portal.WithDatabaseAsync(db => db.Agreements.Where(a => a.AccessKeys.Contains(key)).Select(a => a.Id).ToListAsync());
            Assert.Equal(agreements.Order(), (await api.AllAsync("/api/v1/agreements")).Select(a => a.GetProperty("id").GetGuid()).Order());

            AssertProblem(HttpStatusCode.NotFound, await api.GetAsync($"/api/v1/institutions/{hunan.Id}"));
            AssertProblem(HttpStatusCode.NotFound, await api.SendAsync(HttpMethod.Put, $"/api/v1/institutions/{hunan.Id}",
                InstitutionBody("改名", "430102"), ifMatch: "*"));
            var (pairing, activity) = await portal.CreatePairingWithActivityAsync("430102", "310116");
            AssertProblem(HttpStatusCode.NotFound, await api.GetAsync($"/api/v1/agreements/{pairing.Id}"));
            AssertProblem(HttpStatusCode.NotFound, await api.GetAsync($"/api/v1/activities/{activity.Id}"));
            AssertProblem(HttpStatusCode.NotFound, await api.SendAsync(HttpMethod.Post, $"/api/v1/agreements/{pairing.Id}/activities",
                new { kind = "Visit", title = "越界", startsOn = "2026-03-01" }));
            AssertProblem(HttpStatusCode.BadRequest, await api.GetAsync("/api/v1/institutions?cursor=not-a-cursor"));
            AssertProblem(HttpStatusCode.BadRequest, await api.GetAsync("/api/v1/institutions?limit=0"));
        }
        // A principal sees the own school only.
        var principal = await portal.CreateUserAsync(Roles.SchoolPrincipal, organisationId: mine.Id);
        var (school, _) = await ApiClient.ForAsync(portal.Factory, principal.Email!);
        using (school)
        {
            Assert.Equal([mine.Id], (await school.AllAsync("/api/v1/institutions")).Select(i => i.GetProperty("id").GetGuid()));
        }
    }

    [Fact]
    public async Task A_change_names_the_version_it_changes_and_a_stale_one_overwrites_nothing()
    {
        var school = await portal.CreateInstitutionAsync("520302", "版本校");
        var (api, _) = await ApiClient.ForAsync(portal.Factory, Zunyi);
        using (api)
        {
            var read = await api.GetAsync($"/api/v1/institutions/{school.Id}");
            Assert.Equal(HttpStatusCode.OK, read.Status);
            var etag = read.Response.Headers.ETag!.Tag;
            Assert.Equal(HttpStatusCode.NotModified, await NotModifiedAsync(api, $"/api/v1/institutions/{school.Id}", etag));

            // The record as read, changed and sent back whole (its read-only members are ignored).
            var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(read.Body.GetRawText())!;
            body["enrolment"] = 1234;
            AssertProblem(HttpStatusCode.PreconditionRequired, await api.SendAsync(HttpMethod.Put, $"/api/v1/institutions/{school.Id}", body));
            var first = await api.SendAsync(HttpMethod.Put, $"/api/v1/institutions/{school.Id}", body, ifMatch: etag);
            Assert.Equal(HttpStatusCode.OK, first.Status);
            Assert.Equal(1234, first.Body.GetProperty("enrolment").GetInt32());
            Assert.NotEqual(etag, first.Response.Headers.ETag!.Tag);

            // Another program still holding the first version: refused, the first change kept.
            body["enrolment"] = 5;
            AssertProblem(HttpStatusCode.PreconditionFailed, await api.SendAsync(HttpMethod.Put, $"/api/v1/institutions/{school.Id}", body, ifMatch: etag));
            Assert.Equal(1234, await portal.WithDatabaseAsync(db => db.Institutions.Where(i => i.Id == school.Id).Select(i => i.Enrolment).SingleAsync()));
        }
    }

    private static async Task<HttpStatusCode> NotModifiedAsync(ApiClient api, string url, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var response = await api.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [Fact]
    public async Task Bad_values_are_refused_next_to_their_member_with_the_forms_messages_and_nothing_is_recorded()
    {
        var (pairing, _) = await portal.CreatePairingWithActivityAsync("520302", "310116");
        var (api, _) = await ApiClient.ForAsync(portal.Factory, Zunyi);
        using (api)
        {
            Task<int> CountAsync() => portal.WithDatabaseAsync(db => db.Activities.CountAsync(a => a.AgreementId == pairing.Id));
            var before = await CountAsync();
            var url = $"/api/v1/agreements/{pairing.Id}/activities";
            var refused = await api.SendAsync(HttpMethod.Post, url,
                new { kind = "Visit", title = "考察\u202e交流", startsOn = "1899-12-31", participants = 1.5, amountCny = 10.001 });
            AssertProblem(HttpStatusCode.UnprocessableEntity, refused);
            var errors = refused.Body.GetProperty("errors");
            foreach (var member in new[] { "title", "startsOn", "participants", "amountCny" })
            {
                Assert.True(errors.TryGetProperty(member, out var messages), $"no message for {member}: {errors}");
                Assert.NotEqual(string.Empty, messages[0].GetString());
            }
            // The same words as the form's, in the caller's language.
            Assert.Contains("控制字符", errors.GetProperty("title")[0].GetString(), StringComparison.Ordinal);

            AssertProblem(HttpStatusCode.BadRequest, await api.SendAsync(HttpMethod.Post, url, new { kind = "Visit", titel = "拼错", startsOn = "2026-03-01" }));
            AssertProblem(HttpStatusCode.BadRequest, await api.SendAsync(HttpMethod.Post, url, "{\"kind\": \"Visit\", "));
            AssertProblem(HttpStatusCode.BadRequest, await api.SendAsync(HttpMethod.Post, url, new { kind = "Visit", title = new { text = "a" }, startsOn = "2026-03-01" }));
            Assert.Equal(before, await CountAsync());

            var recorded = await api.SendAsync(HttpMethod.Post, url, new { kind = "Visit", title = "接口考察", startsOn = "2026-03-01", participants = 12, amountCny = 1500.5 });
            Assert.Equal(HttpStatusCode.Created, recorded.Status);
            Assert.Equal(before + 1, await CountAsync());
            Assert.Equal(1500.5m, recorded.Body.GetProperty("amountCny").GetDecimal());
            var location = recorded.Response.Headers.Location!.ToString();
            Assert.Equal("接口考察", (await api.GetAsync(location)).Body.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task A_create_sent_twice_with_its_key_records_one_institution()
    {
        var (api, _) = await ApiClient.ForAsync(portal.Factory, Zunyi);
        using (api)
        {
            var name = $"重复提交校 {Guid.NewGuid():N}"[..15];
            var key = Guid.NewGuid().ToString();
            var first = await api.SendAsync(HttpMethod.Post, "/api/v1/institutions", InstitutionBody(name), idempotencyKey: key);
            Assert.Equal(HttpStatusCode.Created, first.Status);
            var second = await api.SendAsync(HttpMethod.Post, "/api/v1/institutions", InstitutionBody(name), idempotencyKey: key);
            Assert.Equal(HttpStatusCode.SeeOther, second.Status);
            Assert.Equal(first.Response.Headers.Location, second.Response.Headers.Location);
            Assert.Equal(1, await portal.WithDatabaseAsync(db => db.Institutions.CountAsync(i => i.Name == name)));
            AssertProblem(HttpStatusCode.BadRequest, await api.SendAsync(HttpMethod.Post, "/api/v1/institutions", InstitutionBody(name + "x"), idempotencyKey: "twice"));
        }
    }

    [Fact]
    public async Task A_read_only_token_and_the_ministry_change_nothing()
    {
        var school = await portal.CreateInstitutionAsync("520302", "只读校");
        var (readOnly, _) = await ApiClient.ForAsync(portal.Factory, Zunyi, readOnly: true);
        var (ministry, _) = await ApiClient.ForAsync(portal.Factory, "ministry@demo.local");
        using (readOnly)
        using (ministry)
        {
            Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync($"/api/v1/institutions/{school.Id}")).Status);
            AssertProblem(HttpStatusCode.Forbidden, await readOnly.SendAsync(HttpMethod.Put, $"/api/v1/institutions/{school.Id}",
                InstitutionBody("只读改名"), ifMatch: "*"));
            AssertProblem(HttpStatusCode.Forbidden, await readOnly.SendAsync(HttpMethod.Post, "/api/v1/institutions", InstitutionBody("只读新建")));
            Assert.Equal(HttpStatusCode.OK, (await ministry.GetAsync($"/api/v1/institutions/{school.Id}")).Status);
            AssertProblem(HttpStatusCode.Forbidden, await ministry.SendAsync(HttpMethod.Post, "/api/v1/institutions", InstitutionBody("部委新建")));
            Assert.Equal(school.Name, await portal.WithDatabaseAsync(db => db.Institutions.Where(i => i.Id == school.Id).Select(i => i.Name).SingleAsync()));
        }
    }

    [Fact]
    public async Task Confirming_through_the_API_confirms_the_version_read()
    {
        var zunyiSchool = await portal.CreateInstitutionAsync("520302", "确认甲校");
        var shanghaiSchool = await portal.CreateInstitutionAsync("310116", "确认乙校");
        var recorder = (await portal.CreateUserAsync(Roles.BureauStaff)).Id;
        var id = await portal.WithDatabaseAsync(async db =>
        {
            PartyTerms Party(Institution i) => new(i.Id, i.Name, i.Type, i.Kind, i.RegionCode, null, null, null);
            var agreement = Agreement.Record(new AgreementTerms(AgreementKind.Pairing, $"接口确认 {Guid.NewGuid():N}"[..13], null, null,
                [Party(zunyiSchool), Party(shanghaiSchool)], new DateOnly(2025, 9, 1), null, [CooperationMode.TeacherTraining], null, null),
                null, AccessKeys.ForJurisdiction("520300"), DateTimeOffset.UtcNow, recorder);
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            return agreement.Id;
        });
        var (shanghai, _) = await ApiClient.ForAsync(portal.Factory, "shanghai.staff@demo.local");
        using (shanghai)
        {
            var read = await shanghai.GetAsync($"/api/v1/agreements/{id}");
            Assert.Equal("PendingCounterpartConfirmation", read.Body.GetProperty("status").GetString());
            Assert.Equal(2, read.Body.GetProperty("parties").GetArrayLength());
            var url = $"/api/v1/agreements/{id}/confirmation";
            AssertProblem(HttpStatusCode.PreconditionRequired, await shanghai.SendAsync(HttpMethod.Post, url));
            AssertProblem(HttpStatusCode.PreconditionFailed, await shanghai.SendAsync(HttpMethod.Post, url, ifMatch: "\"1\""));
            var confirmed = await shanghai.SendAsync(HttpMethod.Post, url, ifMatch: read.Response.Headers.ETag!.Tag);
            Assert.Equal(HttpStatusCode.OK, confirmed.Status);
            Assert.Equal("Active", confirmed.Body.GetProperty("status").GetString());
            var confirmations = confirmed.Body.GetProperty("confirmations").EnumerateArray().ToList();
            Assert.Equal(2, confirmations.Count);
            Assert.All(confirmations, c => Assert.True(c.GetProperty("ofCurrentTerms").GetBoolean()));
            Assert.Contains(confirmations, c => c.GetProperty("partyOrganisationId").GetGuid() == shanghaiSchool.Id);
            AssertProblem(HttpStatusCode.Conflict, await shanghai.SendAsync(HttpMethod.Post, url, ifMatch: confirmed.Response.Headers.ETag!.Tag));
        }
    }

    [Fact]
    public async Task An_admin_revokes_a_token_of_an_account_in_the_jurisdiction()
    {
        var user = await portal.CreateUserAsync(Roles.BureauStaff, organisationId: await BureauOfAsync("520300"));
        var (api, tokenId) = await ApiClient.ForAsync(portal.Factory, user.Email!);
        using (api)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/alliances")).Status);
            using var admin = await portal.SignedInAsync("zunyi.admin@demo.local");
            var page = await admin.GetAsync($"/Admin/Users/Edit/{user.Id}");
            Assert.Contains("测试令牌", page.Document.QuerySelector("[data-testid=tokens]")!.TextContent, StringComparison.Ordinal);
            var revoked = await admin.SubmitAsync(page, "[data-testid=tokens] form");
            Assert.Equal(HttpStatusCode.OK, revoked.Status);
            Assert.NotNull(await portal.WithDatabaseAsync(db => db.AccessTokens.Where(t => t.Id == tokenId).Select(t => t.RevokedAt).SingleAsync()));
            AssertProblem(HttpStatusCode.Unauthorized, await api.GetAsync("/api/v1/alliances"));
        }
    }

    [Fact]
    public async Task Summary_tables_answer_with_the_pages_filters_and_refuse_what_the_page_refuses()
    {
        var (ministry, _) = await ApiClient.ForAsync(portal.Factory, "ministry@demo.local");
        var (principal, _) = await ApiClient.ForAsync(portal.Factory, "spa.principal@demo.local");
        using (ministry)
        using (principal)
        {
            var tables = await ministry.GetAsync("/api/v1/summaries");
            Assert.Contains("provinces", tables.Body.EnumerateArray().Select(t => t.GetString()));
            var table = await ministry.GetAsync("/api/v1/summaries/trends?from=2020&to=2026");
            Assert.Equal(HttpStatusCode.OK, table.Status);
            Assert.Equal(7, table.Body.GetProperty("rows").GetArrayLength()); // one row a year, 2020–2026
            var refused = await ministry.GetAsync("/api/v1/summaries/trends?kind=Nope&to=1800");
            AssertProblem(HttpStatusCode.BadRequest, refused);
            Assert.True(refused.Body.GetProperty("errors").TryGetProperty("kind", out _));
            AssertProblem(HttpStatusCode.NotFound, await ministry.GetAsync("/api/v1/summaries/no-such-table"));
            AssertProblem(HttpStatusCode.Forbidden, await principal.GetAsync("/api/v1/summaries/trends"));
        }
    }
}
