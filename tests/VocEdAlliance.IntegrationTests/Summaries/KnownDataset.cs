using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Summaries;

/// <summary>A small dataset whose totals the tests know by hand:
/// A1 Shanghai–Guizhou pairing (active): 2021 teacher training (12 teachers, 10,000.50 CNY), 2022 student exchange
/// (30 students), 2022 financial support from the Shanghai school to the Guizhou one (50,000 CNY); A2 Shanghai–Guizhou pairing (pending): 2022 visit;
/// A3 Liuyang–Tonggu pairing (active, in alliance AL1): 2022 teacher training (7 teachers, 100 trainees);
/// A4 Beijing–Guizhou pairing, archived, with a 2022 activity of 999 teachers that must count nowhere;
/// A5 Beijing–Shanghai pairing (active): 2023 expert lecture; AL1, led by the Liuyang bureau with the Tonggu school:
/// a 2020 forum of its own (it counts where the alliance's members are: Hunan and Jiangxi). The portal's day is
/// 2026-12-02 (China time).</summary>
public sealed class KnownDataset() : DedicatedPortal(seedDemo: false, clock: new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero))
{
    public ApplicationUser Ministry { get; private set; } = null!;
    public ApplicationUser Liuyang { get; private set; } = null!;

    protected override async Task ArrangeAsync()
    {
        var (ministryId, liuyangId) = await WithDatabaseAsync(async db =>
        {
            var ministry = await db.Organisations.OfType<Ministry>().SingleAsync();
            var liuyang = new EducationBureau("浏阳市教育局", null, "430181");
            var zunyi = new EducationBureau("遵义市教育局", null, "520300");
            Institution School(string name, string region) =>
                new(name, null, InstitutionKind.SecondaryVocationalSchool, Ownership.Public, region, new InstitutionProfile(), 2026);
            var sh = School("上海甲校", "310104");
            var gz1 = School("贵州甲校", "520302");
            var gz2 = School("贵州乙校", "520303");
            var ly = School("浏阳甲校", "430181");
            var tg = School("铜鼓甲校", "360926");
            var bj = School("北京甲校", "110105");
            db.Organisations.AddRange(liuyang, zunyi, sh, gz1, gz2, ly, tg, bj);
            var alliance = new Alliance("湘赣测试联盟", null, AllianceKind.VocationalEducationUnion, [FocusArea.TeacherTraining],
                new DateOnly(2020, 1, 1), null, null, new MemberTerms(liuyang.Id, liuyang.Name, liuyang.Type, liuyang.RegionCode, MemberRole.Lead, null));
            alliance.Join(new MemberTerms(tg.Id, tg.Name, tg.Type, tg.RegionCode, MemberRole.Member, null));
            db.Alliances.Add(alliance);
            var recordedBy = (await CreateUserAsync(Roles.SystemAdmin, null)).Id;
            Agreement Pairing(string title, Institution a, Institution b, EducationBureau? recorder = null, Alliance? al = null)
            {
                PartyTerms Party(Institution i) => new(i.Id, i.Name, i.Type, i.Kind, i.RegionCode, null, null, null);
                var agreement = Agreement.Record(new AgreementTerms(AgreementKind.Pairing, title, null, al?.Id, [Party(a), Party(b)],
                    new DateOnly(2020, 1, 1), null, [CooperationMode.TeacherTraining], null, null), recorder?.Id, recorder?.JurisdictionKey, DateTimeOffset.UtcNow, recordedBy);
                db.Agreements.Add(agreement);
                return agreement;
            }
            var a1 = Pairing("A1", sh, gz1);
            var a2 = Pairing("A2", sh, gz2, recorder: zunyi);
            var a3 = Pairing("A3", ly, tg, al: alliance);
            var a4 = Pairing("A4", bj, gz1);
            var a5 = Pairing("A5", bj, sh);
            void Activity(Agreement? agreement, Alliance? on, ActivityKind kind, DateOnly date, ActivityOutcomes outcomes, SupportEntry? support = null) =>
                db.Activities.Add(CooperationActivity.Record(agreement, on, new ActivityDetails(kind, $"{kind} {date}", date, null, null, null, outcomes, null, support), recordedBy, DateTimeOffset.UtcNow));
            Activity(a1, null, ActivityKind.TeacherTraining, new DateOnly(2021, 5, 1), new ActivityOutcomes(Teachers: 12, AmountCny: 10_000.50m));
            Activity(a1, null, ActivityKind.StudentExchange, new DateOnly(2022, 3, 1), new ActivityOutcomes(Students: 30));
            Activity(a1, null, ActivityKind.FinancialSupport, new DateOnly(2022, 9, 1), new ActivityOutcomes(AmountCny: 50_000m), new SupportEntry(sh.Id, gz1.Id, "东西部扶贫协作资金"));
            Activity(a2, null, ActivityKind.Visit, new DateOnly(2022, 10, 1), new ActivityOutcomes(Participants: 5));
            Activity(a3, null, ActivityKind.TeacherTraining, new DateOnly(2022, 6, 1), new ActivityOutcomes(Teachers: 7, Trainees: 100));
            Activity(a4, null, ActivityKind.TeacherTraining, new DateOnly(2022, 6, 1), new ActivityOutcomes(Teachers: 999));
            Activity(a5, null, ActivityKind.ExpertLecture, new DateOnly(2023, 4, 1), new ActivityOutcomes(Participants: 20));
            Activity(null, alliance, ActivityKind.ForumOrSummit, new DateOnly(2020, 5, 1), new ActivityOutcomes());
            a4.Archive();
            await db.SaveChangesAsync();
            return (ministry.Id, liuyang.Id);
        });
        Ministry = await CreateUserAsync(Roles.MinistryOfficial, ministryId);
        Liuyang = await CreateUserAsync(Roles.BureauStaff, liuyangId);
    }
}
