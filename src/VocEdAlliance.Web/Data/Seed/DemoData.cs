using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Evaluations;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Programmes;
using static VocEdAlliance.Web.Domain.Agreements.CooperationMode;

namespace VocEdAlliance.Web.Data.Seed;

/// <summary>The five seed systems of shared/seeds as demo records (docs/demo-data.md says what comes from where and
/// which figures the model cannot hold yet). Names the sources do not give are demo placeholders, marked as such.
/// Loaded once; never into a database that holds records of its own.</summary>
public static class DemoData
{
    public const string UnionName = "沪遵职业教育联盟";
    public const int UnionPairings = 12;

    public enum Outcome
    {
        Loaded,
        AlreadyLoaded,
        RefusedRealData,
    }

    public static async Task<Outcome> LoadAsync(AppDbContext db, Guid recordedBy, int currentYear)
    {
        if (await db.Alliances.AnyAsync(a => a.Name == UnionName))
        {
            return Outcome.AlreadyLoaded;
        }
        if (await HoldsRealDataAsync(db))
        {
            return Outcome.RefusedRealData;
        }
        var demo = new DemoBuilder(db, recordedBy, currentYear);
        await demo.LoadExistingAsync();
        var eastWest = EastWest(demo);
        ShanghaiZunyi(demo, eastWest);
        HunanJiangxi(demo);
        Chenzhou(demo);
        Guangxi(demo);
        await db.SaveChangesAsync();
        return Outcome.Loaded;
    }

    /// <summary>Any agreement, alliance or activity, or any organisation other than the Ministry and the demo
    /// accounts' own, means someone uses this database for real.</summary>
    private static async Task<bool> HoldsRealDataAsync(AppDbContext db)
    {
        var known = DemoOrganisations.Names;
        return await db.Agreements.AnyAsync() || await db.Alliances.AnyAsync() || await db.Activities.AnyAsync()
               || await db.Organisations.AnyAsync(o => o.Type != OrganisationType.Ministry && !known.Contains(o.Name));
    }

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>A date the source gives only as a year.</summary>
    private static PartialDate Y(int year) => PartialDate.OfYear(year);

    /// <summary>001: the East–West vocational education collaboration plan 2016–2020 (Ministry of Education and the
    /// State Council Poverty Relief Office), with 10 eastern vocational education groups paired with 10 prefectures of
    /// western Yunnan (names not in the source: placeholders) and eastern schools enrolling students from poor families.</summary>
    private static Alliance EastWest(DemoBuilder demo)
    {
        var ministry = demo.Named(DemoOrganisations.Ministry);
        var plan = demo.Alliance("东西部职业教育协作行动计划（2016—2020年）", "East–West Vocational Education Collaboration Action Plan (2016–2020)",
            AllianceKind.CollaborationProgramme, [FocusArea.PovertyAlleviation, FocusArea.VocationalEducationDevelopment], Y(2016), ministry,
            description: "教育部、国务院扶贫办印发。东部职业院校招收西部贫困家庭学生；10个职业教育集团与滇西10州市结对；建立考核评价制度、年度计划，实时报送、定期总结分析。");
        var yunnan = demo.Bureau("云南省教育厅", "Yunnan Provincial Department of Education", "530000");
        DemoBuilder.Join(plan, Y(2016), yunnan);
        (string Province, string East, string Prefecture, string Code)[] pairs =
        [
            ("北京", "110105", "保山市", "530500"), ("天津", "120104", "丽江市", "530700"), ("上海", "310104", "普洱市", "530800"),
            ("江苏", "320102", "临沧市", "530900"), ("浙江", "330106", "楚雄彝族自治州", "532300"), ("福建", "350102", "大理白族自治州", "532900"),
            ("山东", "370102", "德宏傣族景颇族自治州", "533100"), ("广东", "440104", "怒江傈僳族自治州", "533300"),
            ("河北", "130102", "迪庆藏族自治州", "533400"), ("海南", "460105", "西双版纳傣族自治州", "532800"),
        ];
        var frameworks = new List<Agreement>();
        foreach (var (province, east, prefecture, code) in pairs)
        {
            var group = demo.School($"{province}演示职业教育集团牵头院校", null, east, InstitutionKind.HigherVocationalCollege, placeholder: true);
            var bureau = demo.Bureau($"{prefecture}教育体育局（演示）", null, code, placeholder: true);
            DemoBuilder.Join(plan, Y(2016), group, bureau);
            var agreement = demo.Agreement(AgreementKind.Framework, $"{province}职教集团与{prefecture}职业教育结对帮扶协议（演示）", D(2016, 9, 1), D(2020, 12, 31),
                [StudentExchange, TeacherTraining, SpecialtyConstruction], [group, bureau], plan,
                notes: "来源未给出集团与州市的名称，此为演示占位。");
            demo.Activity(agreement, null, ActivityKind.JointEnrolmentIntake, $"{group.Name}招收{prefecture}建档立卡贫困家庭学生（演示）", D(2017, 9, 1),
                description: "东部中职学校招收西部贫困家庭初、高中毕业生；来源未给出人数。");
            frameworks.Add(agreement);
        }
        EastWestPlansAndEvaluation(demo, frameworks);
        CounterpartSupport(demo, plan);
        CharityTraining(demo, frameworks[0]);
        return plan;
    }

    /// <summary>001: "the provinces, regions and cities that have supported Xinjiang, Tibet and the Tibetan areas in four
    /// provinces will increase collaboration with these areas". One placeholder pairing for each (对口支援): a Shanghai
    /// school with a school of Kashgar (Xinjiang) and one of Shigatse (Tibet), a Zhejiang school with one of Aba (the
    /// Tibetan area of Sichuan). The source names no school.</summary>
    private static void CounterpartSupport(DemoBuilder demo, Alliance eastWest)
    {
        (string East, string EastRegion, string West, string WestRegion, string Area)[] pairs =
        [
            ("上海市演示对口支援职业学校（新疆）", "310112", "喀什地区演示中等职业学校", "653101", "新疆"),
            ("上海市演示对口支援职业学校（西藏）", "310113", "日喀则市演示中等职业学校", "540202", "西藏"),
            ("浙江省演示对口支援职业学校", "330106", "阿坝州演示中等职业学校", "513201", "四川藏区"),
        ];
        foreach (var (east, eastRegion, west, westRegion, area) in pairs)
        {
            var giver = demo.School(east, null, eastRegion, placeholder: true);
            var receiver = demo.School(west, null, westRegion, placeholder: true);
            DemoBuilder.Join(eastWest, Y(2017), giver, receiver);
            demo.Agreement(AgreementKind.Pairing, $"对口支援{area}职业教育结对协议（演示）", D(2017, 3, 1), D(2020, 12, 31),
                [TeacherTraining, StudentExchange, SpecialtyConstruction], [giver, receiver], eastWest,
                notes: $"东西部职业教育协作行动计划：对口支援{area}的省市加强职业教育协作。双方校名来源未给出，为演示占位。");
        }
    }

    /// <summary>001: "governments at provincial, municipal and district levels implement charity vocational training
    /// projects with fiscal poverty alleviation funds". One such training under the first eastern group's pairing: the
    /// western prefecture's bureau pays from fiscal poverty-alleviation funds, the eastern college trains (no number of
    /// trainees or amount in the source).</summary>
    private static void CharityTraining(DemoBuilder demo, Agreement pairing)
    {
        var college = pairing.Parties.First(p => p.OrganisationType == OrganisationType.Institution);
        var bureau = pairing.Parties.First(p => p.OrganisationType == OrganisationType.EducationBureau);
        demo.Activity(pairing, null, ActivityKind.SkillsTraining, "公益性职业技能培训项目：建档立卡贫困劳动力就业技能培训（演示）", D(2018, 7, 1),
            participants: $"{college.OrganisationName}；{bureau.OrganisationName}",
            description: "地方政府以财政扶贫资金实施公益性职业培训项目，支持职业院校开展就业技能培训；来源未给出人数和金额。",
            support: new SupportEntry(bureau.OrganisationId, college.OrganisationId, CharityFundsSource));
    }

    public const string CharityFundsSource = "财政扶贫资金（公益性职业培训项目）";

    /// <summary>The rubric of the East–West evaluation (考核评价) the plan sets up; "quality vocational education for
    /// children from impoverished families" is named by the source as an important factor, so it weighs most. The
    /// criteria's names and weights are demo placeholders.</summary>
    public static readonly EvaluationCriterion[] EastWestRubric =
    [
        new("贫困家庭子女接受优质职业教育", 40, 40, true),
        new("师资培训与专业建设", 30, 30, false),
        new("组织保障与年度计划执行", 20, 20, false),
        new("实时报送与总结分析", 10, 10, false),
    ];

    public const string EastWestRoundTitle = "东西部职业教育协作2019年度考核评价（演示）";

    /// <summary>The plan's yearly plans for 2019 (one per pairing, approved) and its 2019 evaluation round, published by
    /// the ministry: each side of each pairing assessed itself and was reviewed by the ministry (no bureau above the
    /// demo parties has an account). Targets and scores are demo placeholders: the source gives none.</summary>
    private static void EastWestPlansAndEvaluation(DemoBuilder demo, List<Agreement> frameworks)
    {
        var round = demo.EvaluationRound(null, EastWestRoundTitle, 2019, D(2020, 3, 31), EastWestRubric);
        for (var i = 0; i < frameworks.Count; i++)
        {
            var agreement = frameworks[i];
            demo.Plan(agreement, 2019, new PlanTargets(TeachersTrained: 20 + 2 * i, PoorFamilyStudentsEnrolled: 50 + 5 * i, Visits: 2));
            foreach (var party in PartyEvaluation.AssessedParties(round, agreement))
            {
                // Placeholder scores: the eastern group and the western prefecture a few points apart, varying by pairing.
                var east = party.OrganisationType == OrganisationType.Institution;
                decimal[] review = [30 + (i % 5) * 2 + (east ? 2 : 0), 22 + (i % 4) * 2, 15 + (i % 3) * 2, 7 + (east ? 1 : 0)];
                decimal[] self = [.. review.Zip(EastWestRubric, (score, criterion) => Math.Min(criterion.MaxScore, score + 2))];
                demo.Evaluation(round, agreement, party, self, review, null);
            }
        }
        round.PublishResults(new DateTimeOffset(2020, 4, 15, 1, 0, 0, TimeSpan.Zero));
    }

    /// <summary>004: the Shanghai–Zunyi Vocational Education Union (2016), its 12 Zunyi–Shanghai pairings (financial
    /// support, student exchanges, teacher training), SPA joining and the 2019-04-18 visit.</summary>
    private static void ShanghaiZunyi(DemoBuilder demo, Alliance eastWest)
    {
        var shanghai = demo.Bureau(DemoOrganisations.ShanghaiCommission, "Shanghai Municipal Education Commission", "310000");
        var zunyi = demo.Bureau(DemoOrganisations.ZunyiBureau, "Zunyi Municipal Education Bureau", "520300");
        var union = demo.Alliance(UnionName, "Shanghai–Zunyi Vocational Education Union", AllianceKind.VocationalEducationUnion,
            [FocusArea.PovertyAlleviation, FocusArea.VocationalEducationDevelopment, FocusArea.TeacherTraining], Y(2016), shanghai, eastWest,
            "2016年成立，服务东西部职业教育协作与精准扶贫；遵义12所学校与上海学校签订结对协议，通过资金支持、学生交流、师资培训等开展合作。");
        DemoBuilder.Join(union, Y(2016), zunyi);
        string[] zunyiCounties = ["520303", "520304", "520322", "520323", "520324", "520326", "520327", "520328", "520329", "520330", "520381", "520382"];
        string[] shanghaiDistricts = ["310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112", "310113", "310114", "310115", "310117"];
        for (var i = 0; i < UnionPairings; i++)
        {
            var west = demo.School($"遵义市演示中职学校{i + 1}", null, zunyiCounties[i], placeholder: true);
            var east = demo.School($"上海市演示中职学校{i + 1}", null, shanghaiDistricts[i], placeholder: true);
            DemoBuilder.Join(union, Y(2017), west, east);
            demo.Agreement(AgreementKind.Pairing, $"沪遵结对帮扶协议（演示）{i + 1}", D(2017, 3, 1), null,
                [FinancialSupport, StudentExchange, TeacherTraining], [east, west], union,
                notes: "来源只给出“遵义12所学校与上海学校签订结对协议”，双方校名为演示占位。");
        }
        var spa = demo.School(DemoOrganisations.Spa, "Shanghai Petrochemical Academy (SPA)", "310116", profile: new InstitutionProfile(Head: "高炬"));
        var honghuagang = demo.School(DemoOrganisations.Honghuagang, "Zunyi Honghuagang Secondary Vocational School", "520302", profile: new InstitutionProfile(Head: "王强"));
        DemoBuilder.Join(union, D(2019, 4, 18), spa, honghuagang);
        var planned = demo.Agreement(AgreementKind.Pairing, "上海石化工业学校与遵义市红花岗区中等职业学校合作协议", D(2019, 9, 1), null,
            [SpecialtyConstruction, TeacherTraining, PartyBuilding, JointEnrolment], [spa, honghuagang], union, recorder: (EducationBureau)demo.Named(DemoOrganisations.ZunyiBureau),
            specialties: "机电专业", notes: "2019年4月18日双方商定：机电专业合作，“1+2”联合培养模式，师资培训，党建工作；待上海方确认。");
        demo.Activity(planned, null, ActivityKind.Visit, "红花岗中职校长王强一行访问上海石化工业学校", D(2019, 4, 18), "上海石化工业学校（金山区）",
            participants: "遵义市红花岗区中等职业学校；上海石化工业学校（校长高炬、党委书记林国新）",
            description: "参观校史馆、化工与人文科学展览馆、跨企业培训中心、数控实训中心；商定机电专业“1+2”合作、师资培训、党建合作。SPA加入沪遵职教联盟。");
    }

    /// <summary>000: the Hunan–Jiangxi border: the 2021-04-16 Wenjiashi symposium of 8 counties, the plan and its 4
    /// alliances, the 2022-05-31 framework agreement, summit forum and expert lectures.</summary>
    private static void HunanJiangxi(DemoBuilder demo)
    {
        var liuyang = demo.Bureau(DemoOrganisations.LiuyangBureau, "Liuyang Education Bureau", "430181");
        EducationBureau[] others =
        [
            demo.Bureau("醴陵市教育局", "Liling Education Bureau", "430281"),
            demo.Bureau("平江县教育局", "Pingjiang Education Bureau", "430626"),
            demo.Bureau("铜鼓县教育体育局", "Tonggu Education Bureau", "360926"),
            demo.Bureau("上栗县教育体育局", "Shangli Education Bureau", "360322"),
            demo.Bureau("莲花县教育体育局", "Lianhua Education Bureau", "360321"),
            demo.Bureau("袁州区教育体育局", "Yuanzhou Education Bureau", "360902"),
            demo.Bureau("万载县教育体育局", "Wanzai Education Bureau", "360922"),
        ];
        var plan = demo.Alliance("湘赣边乡村振兴协同育人合作行动", "Hunan–Jiangxi Collaborative Education for Rural Revitalization",
            AllianceKind.CollaborationProgramme, [FocusArea.EducationAndResearch, FocusArea.RedResearchPractice, FocusArea.VocationalEducationDevelopment, FocusArea.TeacherTraining],
            D(2021, 4, 16), liuyang, description: "2021年4月16日在浏阳市文家市镇召开的湘赣边八县（市、区）座谈会确定《湘赣边乡村振兴协同育人合作行动实施细则》，共建四个联盟。");
        DemoBuilder.Join(plan, D(2021, 4, 16), others);
        demo.Activity(null, plan, ActivityKind.SymposiumOrConference, "湘赣边八县（市、区）乡村振兴协同育人座谈会", D(2021, 4, 16), "浏阳市文家市镇",
            participants: "浏阳、醴陵、平江、铜鼓、上栗、莲花、袁州、万载");
        (string Name, string NameEn, FocusArea Focus, DateOnly Founded)[] alliances =
        [
            ("湘赣边教育科研联盟", "Hunan–Jiangxi Border Education and Research Alliance", FocusArea.EducationAndResearch, D(2021, 4, 16)),
            ("湘赣边红色研学实践联盟", "Hunan–Jiangxi Border Red Research Practice Alliance", FocusArea.RedResearchPractice, D(2021, 4, 16)),
            ("湘赣边职业教育发展联盟", "Hunan–Jiangxi Vocational Education Development Alliance", FocusArea.VocationalEducationDevelopment, D(2022, 5, 31)),
            ("湘赣边教师培训联盟", "Hunan–Jiangxi Border Teacher Training Alliance", FocusArea.TeacherTraining, D(2021, 4, 16)),
        ];
        Alliance? vocational = null;
        foreach (var (name, nameEn, focus, founded) in alliances)
        {
            var alliance = demo.Alliance(name, nameEn, AllianceKind.VocationalEducationUnion, [focus], founded, liuyang, plan);
            DemoBuilder.Join(alliance, founded, others);
            if (focus == FocusArea.VocationalEducationDevelopment)
            {
                vocational = alliance;
            }
        }
        var schools = new List<Institution> { demo.School("浏阳市演示职业学校", null, "430181", placeholder: true) };
        schools.AddRange(others.Select(b => demo.School($"{b.Name[..2]}演示职业学校", null, b.RegionCode, placeholder: true)));
        var framework = demo.Agreement(AgreementKind.Framework, "湘赣职业教育联盟合作框架协议", D(2022, 5, 31), null,
            [CurriculumCoDevelopment, TeacherTraining, StudentExchange, ExpertLectures], [liuyang, .. others, .. schools], vocational,
            notes: "由浏阳市教育局发起，湘赣边各县（市、区）教育行政部门及有关职业学校共同签署；参与学校名称来源未给出，为演示占位。",
            initiators: [liuyang]);
        demo.Activity(framework, null, ActivityKind.ForumOrSummit, "湘赣边校企合作与产教融合高峰论坛", D(2022, 5, 31), "浏阳市（2022年浏阳市职业教育活动周开幕式）");
        demo.Activity(framework, null, ActivityKind.ExpertLecture, "湘赣边职业教育专家讲座", D(2022, 5, 31), "浏阳市");
        LiuyangTargets(demo, liuyang);
    }

    public const int LiuyangSchoolsTarget = 13;
    public const int LiuyangEnrolmentTarget = 10_000;

    /// <summary>000: "6 vocational schools in Liuyang now; 4 new ones open in the fall of 2022; 3 private colleges are
    /// building campuses; by 2025, 13 schools with an annual enrolment of more than 10,000". The 6 (the framework's one
    /// and 5 more) and the 4 (founded 2022) are registered as placeholders; the 3 private colleges are not (the source
    /// names none, nor says they opened). The targets are the Liuyang bureau's approved 2025 plan, whose schools and
    /// enrolment are counted live from the registry and the programmes (none of Liuyang's programme figures is published,
    /// so its enrolment counts 0 until recorded).</summary>
    private static void LiuyangTargets(DemoBuilder demo, EducationBureau liuyang)
    {
        for (var i = 2; i <= 6; i++)
        {
            demo.School($"浏阳市演示职业学校{i}", null, "430181", placeholder: true);
        }
        for (var i = 1; i <= 4; i++)
        {
            demo.School($"浏阳市演示新建职业学校{i}（2022年秋季开办）", null, "430181", placeholder: true, profile: new InstitutionProfile(FoundedYear: 2022));
        }
        demo.Plan(liuyang, 2025, new PlanTargets(Schools: LiuyangSchoolsTarget, Enrolment: LiuyangEnrolmentTarget));
    }

    /// <summary>002: Chenzhou's industry–education model, with the published outcomes of its trainings.</summary>
    private static void Chenzhou(DemoBuilder demo)
    {
        var chenzhou = demo.Bureau("郴州市教育局", "Chenzhou Municipal Education Bureau", "431000");
        var college = demo.School("郴州职业技术学院", "Chenzhou Vocational Technical College", "431002", InstitutionKind.HigherVocationalCollege);
        var comprehensive = demo.School("郴州综合职业中专学校", "Chenzhou Comprehensive Vocational School", "431002");
        var guiyangSchool = demo.School("桂阳县职业技术教育学校", "Guiyang Vocational School", "431021");
        var jiahe = demo.School("嘉禾县职业中专", "Jiahe Vocational School", "431024");
        var linwu = demo.School("临武县职业中专", "Linwu Vocational School", "431025");
        var yongxing = demo.School("永兴县职业中专", "Yongxing Vocational School", "431023");
        var anren = demo.School("安仁县职业中专", "Anren Vocational School", "431028");
        var greep = demo.Enterprise("湖南格瑞普新能源有限公司", "Hunan Greep New Energy", "431003");
        var jd = demo.Enterprise("京东集团", "JD.com", "110115");
        var electronics = demo.Enterprise("桂阳县电子企业（演示）", null, "431021", placeholder: true);
        var model = demo.Alliance("郴州市职业教育产教融合（演示）", null, AllianceKind.CollaborationProgramme,
            [FocusArea.IndustryEducationIntegration], null, chenzhou, placeholder: true,
            description: "把郴州“产教融合”各项目归在一起的演示分组：中职83.6%、高职75.0%专业对接本地重点产业；186家合作企业。");
        DemoBuilder.Join(model, null, college, comprehensive, guiyangSchool, jiahe, linwu, yongxing, anren);
        var ftz = demo.Alliance("郴州自贸片区新材料和信息技术产教联盟", "Chenzhou FTZ New Materials and IT Industry–Education Alliance",
            AllianceKind.IndustryEducationAlliance, [FocusArea.IndustryEducationIntegration], Y(2024), chenzhou,
            description: "2024年成立，联合107家单位（来源未列出名单）。");
        DemoBuilder.Join(ftz, Y(2024), college, greep);

        var newEnergy = demo.Agreement(AgreementKind.SchoolEnterprise, "郴州职业技术学院新能源学院校企合作", D(2023, 9, 1), null,
            [TrainingBase, CurriculumCoDevelopment], [college, greep], ftz, specialties: "新能源材料、锂电池技术");
        demo.Activity(newEnergy, null, ActivityKind.SkillsTraining, "新能源学院为郴州锂电池产业培训专业人才", D(2024, 6, 30), "郴州职业技术学院",
            new ActivityOutcomes(Trainees: 1000), participants: "20余家本地企业（如湖南格瑞普新能源）", description: "来源：已培训1000余人，研究中心服务20余家企业。");
        var jdPartnership = demo.Agreement(AgreementKind.SchoolEnterprise, "郴州综合职业中专学校与京东校企合作", D(2022, 9, 1), null,
            [CurriculumCoDevelopment, TrainingBase], [comprehensive, jd], model, specialties: "电子商务");
        demo.Activity(jdPartnership, null, ActivityKind.SkillsTraining, "京东校园实训基地“双十一”实训与就业", D(2022, 11, 11), "郴州综合职业中专学校",
            new ActivityOutcomes(Students: 391, Employed: 220), description: "391名毕业生中220人对口就业。");
        var base_ = demo.Agreement(AgreementKind.SchoolEnterprise, "桂阳县职业技术教育学校电子产业实训基地共建", D(2021, 9, 1), null,
            [TrainingBase], [guiyangSchool, electronics], model, notes: "3000平方米实训基地；毕业生就业率98.5%，68%留在本地。");
        demo.Activity(base_, null, ActivityKind.ExpertLecture, "2024年行业专家进校授课", D(2024, 1, 1), "郴州市各职业学校",
            new ActivityOutcomes(Participants: 52), description: "2024年共有52名行业专业人士到校授课。", precision: DatePrecision.Year);
        (Institution School, int Trainees, string Title, string Note)[] trainings =
        [
            (jiahe, 600, "嘉禾县模具制造与工业机器人技能培训", "培训600余人，约一半本地就业。"),
            (linwu, 400, "临武县宝玉石加工与营销专业人才培养", "培养400余名专业人才。"),
            (yongxing, 500, "永兴县冶金（白银产业）技术人才培养", "培养500余名冶金技术人员。"),
        ];
        foreach (var (school, trainees, title, note) in trainings)
        {
            demo.Activity(null, model, ActivityKind.SkillsTraining, title, D(2024, 1, 1), school.Name, new ActivityOutcomes(Trainees: trainees), school.Name, note,
                precision: DatePrecision.Year);
        }
        demo.Activity(null, model, ActivityKind.SkillsTraining, "汝城县“人人持证、技能社会”职业技能培训", D(2018, 1, 1), "汝城县",
            new ActivityOutcomes(Trainees: 100_000, Employed: 92_600),
            description: "2018年以来培训10万余人次（按10万记），就业率92.6%（就业人数按此折算，演示）。", until: D(2024, 1, 1), precision: DatePrecision.Year);
        demo.Activity(null, model, ActivityKind.SkillsTraining, "资兴市“一户一技能人才”培训", D(2018, 1, 1), "资兴市",
            new ActivityOutcomes(Trainees: 81_000, Employed: 32_000, HouseholdsBenefited: 38_000), description: "培训8.1万人，带动就业3.2万人，3.8万户受益。",
            until: D(2024, 1, 1), precision: DatePrecision.Year);
        demo.Activity(null, model, ActivityKind.SkillsTraining, "桂阳县“农民大学”学历与技能培养", D(2024, 1, 1), "桂阳县",
            new ActivityOutcomes(Students: 1_427, IndustryLeaders: 196), description: "毕业1427人，其中产业带头人196人。", precision: DatePrecision.Year);
        ChenzhouProgrammes(demo, college, [comprehensive, guiyangSchool, jiahe, linwu, yongxing, anren], guiyangSchool);
        ChenzhouPlaceholders(demo, ftz, [college, comprehensive, guiyangSchool, jiahe, linwu, yongxing, anren], namedPartnerships: 3);
    }

    /// <summary>002: "5,000+ in-demand graduates annually" (the programmes' 2024 graduates).</summary>
    public const int ChenzhouGraduates = 5_000;

    /// <summary>002: the FTZ alliance "uniting 107 entities".</summary>
    public const int FtzAllianceMembers = 107;

    /// <summary>002: "with 186 corporate partnerships, Chenzhou's vocational schools…".</summary>
    public const int ChenzhouPartnerships = 186;

    /// <summary>The placeholder enterprises of Chenzhou's school–enterprise partnerships: each in partnership with three
    /// of the seven schools.</summary>
    private const int SchoolsPerPlaceholderPartner = 3;

    /// <summary>002 names three of the alliance's 107 members (the bureau leading it, the college, Greep) and three of the
    /// 186 partnerships (the new-energy school, JD.com, Guiyang's training base): the others are placeholder enterprises
    /// and placeholder school–enterprise agreements, so that the alliance's members and the partnerships in force are
    /// counted from records. The source dates neither: the members joined in 2024 (the alliance's year) and the
    /// partnerships took effect in 2024 (a placeholder year).</summary>
    private static void ChenzhouPlaceholders(DemoBuilder demo, Alliance ftz, Institution[] schools, int namedPartnerships)
    {
        var named = ftz.Members.Count;
        for (var i = named + 1; i <= FtzAllianceMembers; i++)
        {
            DemoBuilder.Join(ftz, Y(2024), demo.Enterprise($"郴州自贸片区产教联盟演示成员{i:000}", null, "431003", placeholder: true));
        }
        var partnerships = ChenzhouPartnerships - namedPartnerships;
        for (var i = 0; i < partnerships; i++)
        {
            var partner = demo.Enterprise($"郴州校企合作演示企业{i / SchoolsPerPlaceholderPartner + 1:000}", null, "431002", placeholder: true);
            var school = schools[i % schools.Length];
            demo.Agreement(AgreementKind.SchoolEnterprise, $"{school.Name}与{partner.Name}校企合作（演示）", D(2024, 1, 1), null,
                [TrainingBase], [school, partner], precision: DatePrecision.Year);
        }
    }

    /// <summary>Chenzhou's programmes as records, so that its published figures are counted, not typed: in 2024, 83.6 %
    /// of secondary (46 of 55) and 75.0 % of higher vocational programmes (15 of 20) aligned with the city's key
    /// industries; 8 opened and 8 closed in 2024; 22 opened, 19 closed and 7 downsized in 2023–2024; the Guiyang
    /// training base's graduates 98.5 % employed, 68 % of them locally. The source names neither the programmes nor
    /// the key industries' list: programme names and codes are placeholders, the industries those the source mentions.</summary>
    private static void ChenzhouProgrammes(DemoBuilder demo, Institution college, Institution[] secondary, Institution guiyangSchool)
    {
        KeyIndustry[] industries =
        [
            demo.KeyIndustry("431000", "有色金属新材料（演示）", 2021, 2025),
            demo.KeyIndustry("431000", "新能源与锂电池（演示）", 2021, 2025),
            demo.KeyIndustry("431000", "电子信息（演示）", 2021, 2025),
            demo.KeyIndustry("431000", "装备制造（模具与工业机器人）（演示）", 2021, 2025),
            demo.KeyIndustry("431000", "现代服务业（电子商务、文化旅游）（演示）", 2021, 2025),
        ];
        var n = 0;
        // "5,000+ graduates annually": the Guiyang base's 200 and placeholder graduates of the 52 other programmes taught
        // since before 2022 (the only ones with a 2024 graduating class), spread evenly, without employment figures.
        const int graduating = 52;
        var placeholderGraduates = ChenzhouGraduates - 200;
        var graduated = 0;
        // One programme: placeholder name and a code of its level's first major categories.
        void Add(Institution school, ProgrammeLevel level, bool aligned, int? opened, int? closed = null, int? downsized = null)
        {
            n++;
            var category = 46 + (n % 6) + MajorCategories.Offset(level);
            var graduates = opened < 2022 && closed is null
                ? placeholderGraduates / graduating + (graduated++ < placeholderGraduates % graduating ? 1 : 0)
                : (int?)null;
            demo.Programme(school, $"演示专业{n}（占位）", level, $"{category}{n % 100:00}{n % 7 + 1:00}", opened, aligned ? industries[n % industries.Length] : null,
                closed, closed is null ? null : "演示：与本地产业需求不匹配，停止招生", downsized, downsized is null ? null : "演示：招生规模缩减",
                years: graduates is { } count ? [new ProgrammeYear(2024, null, count, null, null)] : []);
        }
        // Taught in 2024: 55 secondary (46 aligned) and 20 higher vocational (15 aligned); among them the 8 opened in
        // 2024 (6 + 2) and the 14 opened in 2023 (10 + 4); 4 downsized in 2023 and 3 in 2024.
        // Guiyang Vocational School's training base programme is one of them (aligned: electronics), with its 2024
        // graduates: 98.5 % employed (197 of 200), 68 % of those locally (134 of 197).
        demo.Programme(guiyangSchool, "电子技术应用（实训基地，演示代码）", ProgrammeLevel.SecondaryVocational, "710103", 2021, industries[2],
            years: new ProgrammeYear(2024, null, 200, 197, 134));
        for (var i = 0; i < 54; i++)
        {
            Add(secondary[i % secondary.Length], ProgrammeLevel.SecondaryVocational, aligned: i < 45,
                opened: i < 6 ? 2024 : i < 16 ? 2023 : 2015, downsized: i is >= 20 and < 24 ? 2023 : i is >= 24 and < 27 ? 2024 : null);
        }
        for (var i = 0; i < 20; i++)
        {
            Add(college, ProgrammeLevel.HigherVocational, aligned: i < 15, opened: i < 2 ? 2024 : i < 6 ? 2023 : 2015);
        }
        // Closed: 8 in 2024 (6 + 2) and 11 in 2023 (8 + 3), none aligned when they closed.
        for (var i = 0; i < 14; i++)
        {
            Add(secondary[i % secondary.Length], ProgrammeLevel.SecondaryVocational, aligned: false, opened: 2012, closed: i < 6 ? 2024 : 2023);
        }
        for (var i = 0; i < 5; i++)
        {
            Add(college, ProgrammeLevel.HigherVocational, aligned: false, opened: 2012, closed: i < 2 ? 2024 : 2023);
        }
    }

    /// <summary>003: Guangxi's 2023-03-09 vocational education working conference at LVTC, and its industrial college.</summary>
    private static void Guangxi(DemoBuilder demo)
    {
        var guangxi = demo.Bureau("广西壮族自治区教育厅", "Department of Education of Guangxi Zhuang Autonomous Region", "450000");
        var liuzhou = demo.Bureau("柳州市教育局", "Liuzhou Municipal Education Bureau", "450200");
        var qinzhou = demo.Bureau("钦州市教育局", "Qinzhou Municipal Education Bureau", "450700");
        var lvtc = demo.School("柳州职业技术学院", "Liuzhou Vocational & Technical College (LVTC)", "450203", InstitutionKind.HigherVocationalCollege);
        var modern = demo.School("广西现代职业技术学院", "Guangxi Modern Polytechnic College", "451202", InstitutionKind.HigherVocationalCollege);
        var nanning = demo.School("南宁市第一职业技术学校", "Nanning First Vocational and Technical School", "450103");
        var pingnan = demo.School("平南县中等职业技术学校", "Ping Nan Secondary Vocational Technical School", "450821");
        var luosifen = demo.Enterprise("柳州螺蛳粉产业企业（演示）", null, "450203", placeholder: true);
        var programme = demo.Alliance("广西职业教育产业学院建设（演示）", null, AllianceKind.CollaborationProgramme,
            [FocusArea.IndustryEducationIntegration, FocusArea.VocationalEducationDevelopment], null, guangxi, placeholder: true,
            description: "把广西职业教育工作会议与产业学院建设归在一起的演示分组。");
        DemoBuilder.Join(programme, null, liuzhou, qinzhou, lvtc, modern, nanning, pingnan);
        var college = demo.Agreement(AgreementKind.IndustrialCollege, "柳州职业技术学院螺蛳粉产业学院共建", D(2021, 1, 1), null,
            [TrainingBase, CurriculumCoDevelopment, SpecialtyConstruction], [lvtc, luosifen], programme,
            notes: "产业学院由学院与螺蛳粉产业共建；合作企业名称和成立年份来源未给出，为演示占位。", collegeName: "螺蛳粉产业学院",
            precision: DatePrecision.Year);
        demo.Activity(null, programme, ActivityKind.SymposiumOrConference, "2023年广西职业教育工作会议暨产业学院建设现场推进会", D(2023, 3, 9), "柳州职业技术学院（线下+线上）",
            participants: "14个设区市教育局，近100所职业院校；柳州市教育局、钦州市教育局、柳州职业技术学院、广西现代职业技术学院、南宁市第一职业技术学校、平南县中等职业技术学校作交流发言",
            description: "自治区教育厅主办、柳州市教育局承办、柳州职业技术学院协办；下午分组讨论并参观螺蛳粉产业学院、3D打印中心等。");
        demo.Activity(college, null, ActivityKind.Visit, "参会代表参观柳州职业技术学院螺蛳粉产业学院", D(2023, 3, 9), "柳州职业技术学院");
    }
}
