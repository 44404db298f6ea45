using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Inbox;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Plans;

namespace VocEdAlliance.IntegrationTests.Plans;

/// <summary>Approval goes to the nearest bureau above the submitter that has an active account, else up the chain,
/// else the system admin; the approver finds it in "waiting for my approval", returns it with a comment or approves it.
/// Each test works in a province no other test uses (Gansu, Qinghai, Ningxia, Tibet), so accounts made in one do not
/// change the routing of another.</summary>
public class PlanRoutingTests(PortalFixture portal)
{
    private Task<EducationBureau> BureauAsync(string regionCode) => portal.CreateBureauAsync(regionCode, $"测试教育局 {regionCode}");

    private async Task<ApplicationUser> AccountAsync(EducationBureau bureau) =>
        await portal.CreateUserAsync(Roles.BureauStaff, organisationId: bureau.Id);

    private Task<string?> ApproverAsync(string submitterKey, string? schoolRegion) =>
        portal.WithDatabaseAsync(db => ResponsibleBureaus.NearestWithAccountAsync(db, ResponsibleBureaus.Above(submitterKey, schoolRegion), DateTimeOffset.UtcNow));

    private Task<int> SetLockoutAsync(Guid userId, DateTimeOffset? end) => portal.WithDatabaseAsync(async db =>
    {
        (await db.Users.SingleAsync(u => u.Id == userId)).LockoutEnd = end;
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Approval_goes_to_the_nearest_bureau_above_with_an_active_account_else_up_the_chain_else_the_system_admin()
    {
        const string school = "o:any-school";
        // Nobody in Gansu has an account: the system admin approves, for a school, a county, a prefecture and the province.
        Assert.Null(await ApproverAsync(school, "620102"));
        Assert.Null(await ApproverAsync("r:62", null));

        var province = await BureauAsync("620000");
        await AccountAsync(province);
        Assert.Equal("62", await ApproverAsync(school, "620102"));
        Assert.Equal("62", await ApproverAsync("r:6201", null));
        Assert.Null(await ApproverAsync("r:62", null)); // nobody is above a province but the system admin

        var prefecture = await BureauAsync("620100");
        Assert.Equal("62", await ApproverAsync("r:620102", null)); // a bureau without accounts is skipped

        var county = await BureauAsync("620102");
        await AccountAsync(county);
        Assert.Equal("620102", await ApproverAsync(school, "620102")); // a school's own county bureau comes first
        Assert.Equal("62", await ApproverAsync("r:620102", null)); // a county bureau never approves its own plan

        var prefectureStaff = await AccountAsync(prefecture);
        Assert.Equal("6201", await ApproverAsync("r:620102", null));

        // Deactivated by an admin: up the chain again. A sign-in throttle's 15-minute lockout does not reroute.
        await SetLockoutAsync(prefectureStaff.Id, DateTimeOffset.MaxValue);
        Assert.Equal("62", await ApproverAsync("r:620102", null));
        await SetLockoutAsync(prefectureStaff.Id, DateTimeOffset.UtcNow.AddMinutes(10));
        Assert.Equal("6201", await ApproverAsync("r:620102", null));
    }

    [Fact]
    public async Task A_schools_plan_goes_to_its_county_bureau_which_returns_it_with_a_comment_and_approves_the_resubmitted_plan()
    {
        var first = await portal.CreateInstitutionAsync("630102", "青海甲校");
        var second = await portal.CreateInstitutionAsync("630103", "青海乙校");
        var agreement = await portal.CreatePairingAsync(first, second);
        var county = await BureauAsync("630102");
        var countyStaff = await AccountAsync(county);
        var principalAccount = await portal.CreateUserAsync(Roles.SchoolPrincipal, organisationId: first.Id);
        using var principal = await portal.SignedInAsync(principalAccount);

        var plan = await principal.SubmitAsync(await principal.GetAsync($"/Plans/Edit?agreementId={agreement}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Year"] = "2025", ["Input.Visits"] = "3" });
        var submitted = await principal.SubmitAsync(plan, "[data-testid=submit-form]");
        Assert.Equal("已提交", submitted.Document.QuerySelector("[data-testid=plan-status]")?.TextContent);
        Assert.Contains(county.Name, submitted.Document.QuerySelector("[data-testid=approver]")?.TextContent, StringComparison.Ordinal);
        var planPath = submitted.Url.AbsolutePath;
        Assert.Contains((await principal.GetAsync("/Plans?view=SubmittedByUs")).Document.QuerySelectorAll("[data-testid=results] a"),
            a => a.GetAttribute("href") == planPath);

        using var approver = await portal.SignedInAsync(countyStaff);
        var queue = await approver.GetAsync("/Plans?view=WaitingForMe");
        Assert.Equal("1", queue.Document.QuerySelector("[data-testid=waiting-count]")?.TextContent);
        Assert.Equal([planPath], queue.Document.QuerySelectorAll("[data-testid=results] tbody a").Select(a => a.GetAttribute("href")));

        var details = await approver.GetAsync(planPath);
        var blank = await approver.SubmitAsync(details, "[data-testid=return-form]", new Dictionary<string, string> { ["Return.Comment"] = " " });
        Assert.Contains("请填写", blank.FieldError("Return.Comment"), StringComparison.Ordinal);
        Assert.Equal("已提交", blank.Document.QuerySelector("[data-testid=plan-status]")?.TextContent);
        var returned = await approver.SubmitAsync(details, "[data-testid=return-form]",
            new Dictionary<string, string> { ["Return.Comment"] = "请补充学生交流的目标人数" });
        Assert.Equal("草稿", returned.Document.QuerySelector("[data-testid=plan-status]")?.TextContent);
        Assert.Equal("0", (await approver.GetAsync("/Plans?view=WaitingForMe")).Document.QuerySelector("[data-testid=waiting-count]")?.TextContent);

        var back = await principal.GetAsync(planPath);
        Assert.Contains("请补充学生交流的目标人数", back.Document.QuerySelector("[data-testid=return-comment]")?.TextContent, StringComparison.Ordinal);
        var planId = Guid.Parse(planPath.Split('/')[^1]);
        Assert.Contains("请补充学生交流的目标人数", (await principal.GetAsync($"/History/plan/{planId}")).Text, StringComparison.Ordinal);

        await principal.SubmitAsync(await principal.GetAsync($"/Plans/Edit?agreementId={agreement}&id={planId}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.StudentsExchanged"] = "20" });
        await principal.SubmitAsync(await principal.GetAsync(planPath), "[data-testid=submit-form]");
        var approved = await approver.SubmitAsync(await approver.GetAsync(planPath), "[data-testid=approve-form]");
        Assert.Equal("已审批（锁定）", approved.Document.QuerySelector("[data-testid=plan-status]")?.TextContent);
        var stored = await portal.WithDatabaseAsync(db => db.Plans.SingleAsync(p => p.Id == planId));
        Assert.Equal((PlanStatus.Approved, "630102", 20m), (stored.Status, stored.ApproverJurisdiction, stored.Targets.StudentsExchanged));

        // Each step was announced: both submissions to the county bureau, the return and the approval to the school.
        var told = await portal.WithDatabaseAsync(db => db.Notifications.Where(n => n.RecordId == planId).OrderBy(n => n.CreatedAt)
            .Select(n => new { n.Kind, n.RecipientUserId, n.Detail }).ToListAsync());
        Assert.Equal([(NotificationKind.PlanSubmitted, countyStaff.Id), (NotificationKind.PlanReturned, principalAccount.Id),
                      (NotificationKind.PlanSubmitted, countyStaff.Id), (NotificationKind.PlanApproved, principalAccount.Id)],
            told.Select(n => (n.Kind, n.RecipientUserId)));
        Assert.Equal("请补充学生交流的目标人数", told[1].Detail);
    }

    [Fact]
    public async Task A_prefecture_with_nobody_above_it_sends_its_plan_to_the_system_admin_and_no_other_bureau_may_answer_it()
    {
        var first = await portal.CreateInstitutionAsync("640104", "宁夏甲校");
        var second = await portal.CreateInstitutionAsync("640105", "宁夏乙校");
        var agreement = await portal.CreatePairingAsync(first, second);
        var yinchuan = await BureauAsync("640100");
        using var prefecture = await portal.SignedInAsync(await AccountAsync(yinchuan));

        var plan = await prefecture.SubmitAsync(await prefecture.GetAsync($"/Plans/Edit?agreementId={agreement}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Year"] = "2025", ["Input.Lectures"] = "4" });
        var submitted = await prefecture.SubmitAsync(plan, "[data-testid=submit-form]");
        Assert.Contains("系统管理员", submitted.Document.QuerySelector("[data-testid=approver]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(submitted.Document.QuerySelector("[data-testid=approve-form]")); // not its own

        // A province bureau elsewhere sees nothing of it (404) and cannot answer it.
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await hunan.GetAsync(submitted.Url.AbsolutePath)).Status);

        using var admin = await portal.SignedInAsync("admin@demo.local");
        var queue = await admin.GetAsync("/Plans?view=WaitingForMe");
        Assert.Contains(queue.Document.QuerySelectorAll("[data-testid=results] tbody a"), a => a.GetAttribute("href") == submitted.Url.AbsolutePath);
        var approved = await admin.SubmitAsync(await admin.GetAsync(submitted.Url.AbsolutePath), "[data-testid=approve-form]");
        Assert.Equal("已审批（锁定）", approved.Document.QuerySelector("[data-testid=plan-status]")?.TextContent);
    }

    [Fact]
    public async Task A_province_plan_goes_to_the_system_admin_and_a_bureau_below_it_cannot_approve_it()
    {
        var first = await portal.CreateInstitutionAsync("540102", "西藏甲校");
        var second = await portal.CreateInstitutionAsync("540103", "西藏乙校");
        var agreement = await portal.CreatePairingAsync(first, second);
        var tibet = await BureauAsync("540000");
        var lhasa = await BureauAsync("540100");
        using var province = await portal.SignedInAsync(await AccountAsync(tibet));
        using var below = await portal.SignedInAsync(await AccountAsync(lhasa));

        var plan = await province.SubmitAsync(await province.GetAsync($"/Plans/Edit?agreementId={agreement}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Year"] = "2026", ["Input.Visits"] = "1" });
        var submitted = await province.SubmitAsync(plan, "[data-testid=submit-form]");
        var planId = Guid.Parse(submitted.Url.AbsolutePath.Split('/')[^1]);
        Assert.Null(await portal.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.ApproverJurisdiction).SingleAsync()));

        var seenBelow = await below.GetAsync(submitted.Url.AbsolutePath);
        Assert.Null(seenBelow.Document.QuerySelector("[data-testid=approve-form]"));
        var forced = await below.Http.PostAsync($"{submitted.Url.AbsolutePath}?handler=Approve",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = seenBelow.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! }), TestContext.Current.CancellationToken);
        Assert.Contains("/Account/AccessDenied", forced.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(PlanStatus.Submitted, await portal.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_return_that_meets_a_change_keeps_the_comment_a_second_approval_says_it_is_answered_and_editing_a_submitted_plan_warns()
    {
        // Shaanxi (61): the Xi'an bureau answers for a school in a county without a bureau account.
        var first = await portal.CreateInstitutionAsync("610102", "陕西甲校");
        var second = await portal.CreateInstitutionAsync("610103", "陕西乙校");
        var agreement = await portal.CreatePairingAsync(first, second);
        var xian = await AccountAsync(await BureauAsync("610100"));
        using var principal = await portal.SignedInPrincipalAsync(first);
        var plan = await principal.SubmitAsync(await principal.GetAsync($"/Plans/Edit?agreementId={agreement}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Year"] = "2026", ["Input.FundsCny"] = "1000.5" });
        var submitted = await principal.SubmitAsync(plan, "[data-testid=submit-form]");
        var planPath = submitted.Url.AbsolutePath;
        var planId = Guid.Parse(planPath.Split('/')[^1]);
        Assert.Contains("1,000.5", submitted.Document.QuerySelector("[data-testid=indicators]")!.TextContent, StringComparison.Ordinal);
        var edit = await principal.GetAsync($"/Plans/Edit?agreementId={agreement}&id={planId}");
        Assert.NotNull(edit.Document.QuerySelector("[data-testid=editing-submitted]"));

        // Changed while it waited: taken back, and the approver is told; submitted again, told again.
        var withdrawn = await principal.SubmitAsync(edit, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Visits"] = "2" });
        Assert.Equal("草稿", withdrawn.Document.QuerySelector("[data-testid=plan-status]")?.TextContent);
        await principal.SubmitAsync(withdrawn, "[data-testid=submit-form]");
        Assert.Equal([NotificationKind.PlanSubmitted, NotificationKind.PlanWithdrawn, NotificationKind.PlanSubmitted],
            await portal.WithDatabaseAsync(db => db.Notifications.Where(n => n.RecordId == planId && n.RecipientUserId == xian.Id)
                .OrderBy(n => n.CreatedAt).Select(n => n.Kind).ToListAsync()));

        using var approver = await portal.SignedInAsync(xian);
        var shown = await approver.GetAsync(planPath);
        await portal.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.SubmittedAt, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken));
        var met = await approver.SubmitAsync(shown, "[data-testid=return-form]", new Dictionary<string, string> { ["Return.Comment"] = "请核对资金目标" });
        Assert.Equal("已提交", met.Document.QuerySelector("[data-testid=plan-status]")?.TextContent);
        Assert.Contains("请核对资金目标", met.Document.QuerySelector("[data-testid=return-form] textarea")?.TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(met.Document.QuerySelector("[data-testid=return-form] .validation-summary-errors")?.TextContent));

        var page = await approver.GetAsync(planPath);
        await approver.SubmitAsync(page, "[data-testid=approve-form]");
        var again = await approver.SubmitAsync(page, "[data-testid=approve-form]");
        Assert.Equal(planPath, again.Url.AbsolutePath);
        Assert.Contains("不在待审批", again.Text, StringComparison.Ordinal);
    }
}
