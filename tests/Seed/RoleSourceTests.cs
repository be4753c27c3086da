using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Queries;
using SafetyDuty.Graph.Sqlite;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Tests.Seed;

/// <summary>Each way a document makes a body lead, assist or merely concerned, read from a small document written for
/// the tests (tests/Seed/Samples/), stored, and asked as an officer would: the role, and the basis quoted.
/// roles-departments.txt is a department list (verbs, own duties, a clause with both 负责 and 配合, 各部门 and 企业);
/// roles-annex-table.txt a 主责单位/配合单位 table; tagged-tasks.txt tags; sector-first-lines.txt heading lines.</summary>
public sealed class RoleSourceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "safetyduty-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_lead_column_makes_a_lead_and_an_assist_column_an_assist_with_its_scope()
    {
        var answers = await AskAsync("roles-annex-table.txt", "民宿");

        var lead = Answer(answers, "文化旅游部门");
        Assert.Equal(Role.Lead, lead.Role);
        Assert.Equal((RoleBasisKind.TableColumn, "主责单位：文化旅游部门"), Single(lead));
        var housing = Answer(answers, "住建部门");
        Assert.Equal(Role.Assist, housing.Role);
        Assert.Equal((RoleBasisKind.TableColumn, "配合单位：住建部门：负责房屋安全和燃气安全管理"), Single(housing));
        Assert.Equal(Role.Assist, Answer(answers, "消防救援机构").Role);
    }

    [Fact]
    public async Task A_body_in_the_assist_column_assists_on_what_its_scope_names_though_its_scope_says_responsible()
    {
        var answers = await AskAsync("roles-annex-table.txt", "燃气");

        var housing = Answer(answers, "住建部门");
        Assert.Equal(Role.Assist, housing.Role);
        Assert.Equal(RoleBasisKind.TableColumn, Single(housing).Kind);
        Assert.DoesNotContain(answers, a => a.Role == Role.Lead);
    }

    [Fact]
    public async Task A_tag_after_a_task_makes_its_bodies_lead_and_assist()
    {
        var answers = await AskAsync("tagged-tasks.txt", "燃气");

        Assert.Equal((Role.Lead, RoleBasisKind.Tag, "责任单位：县住房和城乡建设局"), RoleAndBasis(Answer(answers, "县住房和城乡建设局")));
        Assert.Equal((Role.Assist, RoleBasisKind.Tag, "配合单位：县市场监督管理局、县商务局"), RoleAndBasis(Answer(answers, "县市场监督管理局")));
    }

    [Fact]
    public async Task Lead_and_assist_lines_under_a_sector_heading_make_a_lead_and_assists()
    {
        var answers = await AskAsync("sector-first-lines.txt", "网约车");

        Assert.Equal((Role.Lead, RoleBasisKind.Heading), RoleAndKind(Answer(answers, "县交通运输局")));
        Assert.Contains("县交通运输局", Single(Answer(answers, "县交通运输局")).Quote, StringComparison.Ordinal);
        Assert.Equal((Role.Assist, RoleBasisKind.Heading), RoleAndKind(Answer(answers, "县公安局")));
    }

    [Fact]
    public async Task A_verb_of_supervision_over_the_sector_makes_a_lead()
    {
        var answers = await AskAsync("roles-departments.txt", "燃气");

        Assert.Equal((Role.Lead, RoleBasisKind.Verb, "负责城镇燃气行业安全监督管理"), RoleAndBasis(Answer(answers, "县住房和城乡建设局")));
    }

    [Fact]
    public async Task An_own_duty_about_the_sector_without_a_verb_of_lead_or_assist_is_a_related_duty_not_a_lead()
    {
        var answers = await AskAsync("roles-departments.txt", "燃气");

        Assert.Equal((Role.Duty, RoleBasisKind.OwnDuty, "依法打击非法燃气经营行为"), RoleAndBasis(Answer(answers, "县公安局")));
    }

    [Fact]
    public async Task A_licence_for_part_of_a_sector_is_a_related_duty_and_the_assist_in_the_same_duty_is_an_assist()
    {
        using var store = await StoreWithAsync("roles-departments.txt");
        var police = StableId.Body(StableId.Jurisdiction("青石县"), "县公安局");
        var table = await new RoleModel(store).ReadAsync([StableId.Sector("危险化学品"), StableId.Sector("剧毒化学品")], null);

        var licence = table.Of(police, StableId.Sector("剧毒化学品"))!;
        Assert.Equal(Role.Duty, licence.Role);
        Assert.Equal("负责剧毒化学品购买许可", Assert.Single(licence.Basis).Quote);
        var chemicals = table.Of(police, StableId.Sector("危险化学品"))!;
        Assert.Equal(Role.Assist, chemicals.Role);
        Assert.Equal((RoleBasisKind.Verb, "配合县应急管理局做好危险化学品安全综合治理"), (Assert.Single(chemicals.Basis).Kind, chemicals.Basis[0].Quote));
        // Both come from the one duty.
        Assert.Equal(licence.Evidence, chemicals.Evidence);
    }

    [Fact]
    public async Task A_duty_saying_both_responsible_and_cooperating_leads_one_sector_and_assists_on_the_other()
    {
        var catering = await AskAsync("roles-departments.txt", "餐饮");
        var gas = await AskAsync("roles-departments.txt", "燃气");

        Assert.Equal((Role.Lead, RoleBasisKind.Verb, "负责餐饮服务食品安全监督管理"), RoleAndBasis(Answer(catering, "县市场监督管理局")));
        Assert.Equal((Role.Assist, RoleBasisKind.Verb, "配合县住房和城乡建设局做好餐饮场所燃气安全检查"), RoleAndBasis(Answer(gas, "县市场监督管理局")));
    }

    [Fact]
    public async Task The_one_duty_covering_every_topic_ranks_first_and_its_strongest_role_shows()
    {
        var answers = await AskAsync("roles-departments.txt", "燃气", "餐饮");

        var first = answers[0];
        Assert.Equal("县市场监督管理局", first.Body.Name);
        Assert.Equal(TopicMatch.AllTopics, first.Match);
        Assert.Equal(Role.Lead, first.Role);
        Assert.Equal(["燃气", "餐饮"], first.Topics);
        Assert.All(answers.Skip(1), a => Assert.Equal(TopicMatch.SomeTopics, a.Match));
    }

    [Fact]
    public async Task Groups_and_pseudo_bodies_keep_their_duties_but_come_after_every_department()
    {
        var answers = await AskAsync("roles-departments.txt", "燃气");

        var common = Answer(answers, "各部门");
        var enterprises = Answer(answers, "企业");
        Assert.True(common.IsGroup);
        Assert.True(enterprises.IsGroup);
        Assert.NotEmpty(enterprises.Evidence);
        Assert.Equal(TopicMatch.SomeTopics, common.Match);
        var firstGroup = answers.FindIndex(a => a.IsGroup);
        Assert.All(answers.Take(firstGroup), a => Assert.False(a.IsGroup));
        Assert.All(answers.Skip(firstGroup), a => Assert.True(a.IsGroup));
        Assert.Contains(answers.Take(firstGroup), a => a.Body.Name == "县公安局");
    }

    [Fact]
    public async Task A_sector_nobody_leads_is_a_gap_naming_who_has_duties_about_it_and_a_led_parent_closes_a_gap()
    {
        using var store = await StoreWithAsync("roles-departments.txt");
        using var model = new ReadModel(store);
        var gaps = await new GapQuery(new AnswerCache()).FindAsync(await model.CurrentAsync(), StableId.Jurisdiction("青石县"));

        // 校车: the police has a duty about it (查处…违法行为), nobody leads it.
        var schoolBuses = Assert.Single(gaps, g => g.Sector.Name == "校车");
        Assert.Equal(CoverageProblem.NoLead, schoolBuses.Problem);
        Assert.Empty(schoolBuses.Lead);
        Assert.Equal(["县公安局"], schoolBuses.Concerned.Select(b => b.Name));
        Assert.Equal(["依法查处校车交通违法行为。"], schoolBuses.Evidence.Select(d => d.Text));
        // 剧毒化学品 is nobody's lead, but 危险化学品 above it is the emergency bureau's; 燃气 is led by the housing
        // bureau, though 公安局, 各部门 and 企业 have duties about it.
        Assert.DoesNotContain(gaps, g => g.Sector.Name is "剧毒化学品" or "燃气");
    }

    private static Responsibility Answer(IReadOnlyList<Responsibility> answers, string body) => answers.Single(a => a.Body.Name == body);

    private static (RoleBasisKind Kind, string Quote) Single(Responsibility answer)
    {
        var basis = Assert.Single(answer.Basis);
        return (basis.Kind, basis.Quote);
    }

    private static (Role, RoleBasisKind, string) RoleAndBasis(Responsibility answer) => (answer.Role, Single(answer).Kind, Single(answer).Quote);

    private static (Role, RoleBasisKind) RoleAndKind(Responsibility answer) => (answer.Role, Single(answer).Kind);

    private async Task<List<Responsibility>> AskAsync(string sample, params string[] topics)
    {
        using var store = await StoreWithAsync(sample);
        using var model = new ReadModel(store);
        return [.. await new ResponsibilityQuery(new AnswerCache()).FindAsync(await model.CurrentAsync(), topics, null)];
    }

    private async Task<SqliteGraphStore> StoreWithAsync(string sample)
    {
        var store = new SqliteGraphStore(Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"));
        await store.InitializeAsync();
        await store.ReplaceTaxonomyAsync(Vocabularies.LoadDefault().Sectors.Sectors);
        await store.LoadDocumentAsync(SeedCorpus.Reader.Read(Path.Combine(AppContext.BaseDirectory, "Seed", "Samples", sample)).Graph);
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
