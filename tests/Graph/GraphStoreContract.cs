using System.Text.Json;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Graph;

// The facts every IGraphStore must make true (ASP.NET Identity's specification-test pattern): a store's test class
// derives from this one and says only how to make and drop a fresh, empty store.
public abstract class GraphStoreContract : IAsyncLifetime
{
    protected IGraphStore Store { get; private set; } = null!;

    // A fresh, empty store of its own for each test.
    protected abstract Task<IGraphStore> CreateStoreAsync();

    protected virtual Task DropStoreAsync(IGraphStore store) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.InitializeAsync();
        await Store.InitializeAsync();
        await Store.ReplaceTaxonomyAsync(TestTaxonomy.Sectors);
    }

    public Task DisposeAsync() => DropStoreAsync(Store);

    [StoreFact]
    public async Task Loads_a_document_and_reads_back_every_node_by_id()
    {
        var (graph, _) = Kunshan();

        Assert.Equal(LoadOutcome.Inserted, await Store.LoadDocumentAsync(graph));

        var ids = graph.Nodes.Select(n => n.Id).Append(graph.Document.Id).ToList();
        var stored = await Store.GetNodesAsync([.. ids, "no-such-id"]);
        Assert.Equal(ids.Order(), stored.Select(n => n.Id).Order());
        Assert.Equal(Json(graph.Document), Json(stored.Single(n => n.Id == graph.Document.Id)));
        foreach (var node in graph.Nodes)
        {
            Assert.Equal(Json(node), Json(stored.Single(n => n.Id == node.Id)));
        }
    }

    [StoreFact]
    public async Task Keeps_how_the_document_states_a_lead_or_an_assist()
    {
        var doc = new TestDocument("云溪县", "安全生产职责清单");
        var housing = doc.Body("县住房和城乡建设局", "住房城乡建设");
        var police = doc.Body("县公安局", "公安");
        var gasDuty = doc.Duty(housing, "负责城镇燃气安全监督管理。");
        var policeDuty = doc.Duty(police, "配合做好燃气安全检查。");
        doc.Role(EdgeType.Lead, housing, TestTaxonomy.TownGas, gasDuty, RoleBasisKind.Verb, "负责城镇燃气安全监督管理");
        doc.Role(EdgeType.Assist, police, TestTaxonomy.TownGas, policeDuty, RoleBasisKind.TableColumn, "配合单位：县公安局");
        await Store.LoadDocumentAsync(doc.Build());

        var lead = Assert.Single(await Store.GetEdgesAsync([housing.Id], EdgeType.Lead, Direction.Outgoing));
        Assert.Equal([new RoleBasis(gasDuty.Id, RoleBasisKind.Verb, "负责城镇燃气安全监督管理")], lead.Basis);
        var assist = Assert.Single(await Store.GetEdgesAsync([TestTaxonomy.TownGas.Id], EdgeType.Assist, Direction.Incoming));
        Assert.Equal([new RoleBasis(policeDuty.Id, RoleBasisKind.TableColumn, "配合单位：县公安局")], assist.Basis);
    }

    [StoreFact]
    public async Task Loading_the_same_document_again_changes_nothing()
    {
        var (graph, k) = Kunshan();
        await Store.LoadDocumentAsync(graph);
        var before = await SnapshotAsync(k.Place.Id);

        Assert.Equal(LoadOutcome.Unchanged, await Store.LoadDocumentAsync(graph));

        Assert.Equal(before, await SnapshotAsync(k.Place.Id));
    }

    [StoreFact]
    public async Task The_same_file_read_differently_by_a_changed_reader_replaces_the_old_reading_and_then_stays_unchanged()
    {
        // The same file (same text, same content hash): the first reader took 市商务局 for an unknown agency, the
        // changed one knows it and sees one more relationship.
        var (before, _) = SameFileReadBy(knowsCommerce: false);
        var (after, commerce) = SameFileReadBy(knowsCommerce: true);
        Assert.Equal(before.Document.ContentHash, after.Document.ContentHash);
        Assert.Equal(before.Text, after.Text);
        await Store.LoadDocumentAsync(before);

        Assert.Equal(LoadOutcome.Replaced, await Store.LoadDocumentAsync(after));
        Assert.Equal(LoadOutcome.Unchanged, await Store.LoadDocumentAsync(after));

        Assert.Equal("商务", Assert.IsType<Body>(Assert.Single(await Store.GetNodesAsync([commerce]))).AgencyType);
        Assert.Single(await Store.GetEdgesAsync([commerce], EdgeType.Assist, Direction.Outgoing));
    }

    [StoreFact]
    public async Task Refuses_a_document_graph_that_breaks_the_model_and_writes_nothing()
    {
        var version = await Store.GetContentVersionAsync();
        var withSector = new TestDocument("昆山市", "带行业领域的文件");
        withSector.Add(new Sector(StableId.Sector("网约车"), "网约车", "venue", null, []));
        var foreignDuty = new TestDocument("昆山市", "借用职责的文件");
        var other = new TestDocument("昆山市", "另一份文件");
        foreignDuty.Add(other.Duty(other.Body("市交通局", "交通运输"), "负责网约车行业管理。"));
        var foreignEdge = new TestDocument("昆山市", "借用关系的文件");
        var transport = foreignEdge.Body("市交通局", "交通运输");
        var lead = other.Edge(EdgeType.Lead, transport, TestTaxonomy.Fire);
        var foreignEdgeGraph = foreignEdge.Build() with { Edges = [lead] };

        foreach (var graph in new[] { withSector.Build(), foreignDuty.Build(), foreignEdgeGraph })
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Store.LoadDocumentAsync(graph));
            Assert.Null(await Store.GetDocumentTextAsync(graph.Document.Id));
        }

        Assert.Equal(version, await Store.GetContentVersionAsync());
        Assert.Empty((await Store.FindNodesAsync(new NodeQuery(NodeLabel.Body))).Items);
        Assert.Equal(TestTaxonomy.Sectors.Count, (await Store.GetTaxonomyAsync()).Count);
    }

    [StoreFact]
    public async Task Duplicate_edges_in_one_document_become_one_edge_that_keeps_the_evidence_of_every_mention()
    {
        var doc = new TestDocument("昆山市", "安全生产工作职责规定");
        var housing = doc.Body("市住建局", "住房和城乡建设");
        var pipes = doc.Duty(housing, "负责管道燃气安全监督管理。");
        var bottles = doc.Duty(housing, "负责瓶装燃气经营许可。");
        var both = doc.Duty(housing, "会同有关部门开展燃气安全检查。");
        doc.Edge(EdgeType.Lead, housing, TestTaxonomy.Gas, null, pipes);
        doc.Edge(EdgeType.Lead, housing, TestTaxonomy.Gas, "燃气经营", bottles, both);
        doc.Edge(EdgeType.Lead, housing, TestTaxonomy.Gas, null, pipes);

        await Store.LoadDocumentAsync(doc.Build());

        var edge = Assert.Single(await Store.GetEdgesAsync([housing.Id], EdgeType.Lead, Direction.Outgoing));
        Assert.Equal([pipes.Id, bottles.Id, both.Id], edge.Evidence);
        Assert.Equal("燃气经营", edge.Scope);
    }

    [StoreFact]
    public async Task Finds_a_document_by_its_number_and_its_issuer_as_well_as_its_title()
    {
        var (graph, _) = Kunshan();
        await Store.LoadDocumentAsync(graph);

        foreach (var words in new[] { "昆政发", "测试人民政府", "职责规定" })
        {
            Assert.Equal([graph.Document.Id], (await Store.SearchAsync(new TextQuery(words, NodeLabel.Document))).Items.Select(h => h.Node.Id));
        }
    }

    [StoreFact]
    public async Task Loading_a_new_version_replaces_exactly_what_the_old_version_contributed()
    {
        var v1 = new TestDocument("昆山市", "安全生产工作职责规定", "v1");
        var housing = v1.Body("市住建局", "住房和城乡建设");
        var commerce = v1.Body("市商务局", "商务");
        var oldDuty = v1.Duty(commerce, "督促餐饮企业与供气企业签订安全供用气合同。");
        v1.Edge(EdgeType.Lead, commerce, TestTaxonomy.Catering, null, oldDuty);
        var keptDuty = v1.Duty(housing, "负责城镇燃气行业安全监督管理。");
        v1.Edge(EdgeType.Lead, housing, TestTaxonomy.TownGas, null, keptDuty);
        await Store.LoadDocumentAsync(v1.Build());

        var v2 = new TestDocument("昆山市", "安全生产工作职责规定", "v2");
        var housing2 = v2.Body("市住建局", "住房和城乡建设");
        var fire = v2.Body("市消防救援大队", "消防救援");
        var newDuty = v2.Duty(fire, "负责消防安全监督检查。");
        v2.Edge(EdgeType.Lead, fire, TestTaxonomy.Fire, null, newDuty);
        var keptDuty2 = v2.Duty(housing2, "负责城镇燃气行业安全监督管理。");
        v2.Edge(EdgeType.Lead, housing2, TestTaxonomy.TownGas, null, keptDuty2);

        Assert.Equal(LoadOutcome.Replaced, await Store.LoadDocumentAsync(v2.Build()));

        Assert.Empty(await Store.GetNodesAsync([commerce.Id, oldDuty.Id]));
        Assert.Equal(3, (await Store.GetNodesAsync([housing.Id, fire.Id, newDuty.Id])).Count);
        Assert.Empty(await Store.GetEdgesAsync([commerce.Id], EdgeType.Lead, Direction.Outgoing));
        Assert.Single(await Store.GetEdgesAsync([housing.Id], EdgeType.Lead, Direction.Outgoing));
        Assert.Empty((await Store.SearchAsync(new TextQuery("供用气"))).Items);
        Assert.Single((await Store.SearchAsync(new TextQuery("消防安全"))).Items);
        Assert.Equal(2, (await Store.FindNodesAsync(new NodeQuery(NodeLabel.Duty, v2.Place.Id))).TotalCount);
        Assert.Contains("消防安全监督检查", await Store.GetDocumentTextAsync(v2.DocumentId));
    }

    [StoreFact]
    public async Task A_body_shared_with_another_document_survives_when_one_of_them_is_replaced_or_removed()
    {
        var regulation = new TestDocument("洛阳市", "安全生产责任规定", "v1");
        var safety = regulation.Body("市应急管理局", "应急管理", aliases: "市应急局");
        var law = regulation.Law("安全生产法", "中华人民共和国安全生产法");
        var cites = regulation.Duty(safety, "依照《安全生产法》履行综合监管职责。");
        regulation.Edge(EdgeType.Cite, cites, law);
        await Store.LoadDocumentAsync(regulation.Build());

        var newForms = new TestDocument("洛阳市", "新业态监管职责清单", "v1");
        var safetyAgain = newForms.Body("市应急管理局", "应急管理");
        newForms.Add(law);
        var shared = newForms.Duty(safetyAgain, "配合做好剧本杀场所消防安全。");
        newForms.Edge(EdgeType.Assist, safetyAgain, TestTaxonomy.Fire, "剧本杀场所", shared);
        await Store.LoadDocumentAsync(newForms.Build());
        Assert.Equal(safety.Id, safetyAgain.Id);

        var newFormsV2 = new TestDocument("洛阳市", "新业态监管职责清单", "v2");
        var market = newFormsV2.Body("市市场监管局", "市场监督管理");
        newFormsV2.Duty(market, "负责民宿食品安全监管。");
        Assert.Equal(LoadOutcome.Replaced, await Store.LoadDocumentAsync(newFormsV2.Build()));

        var survivors = await Store.GetNodesAsync([safety.Id, law.Id, cites.Id]);
        Assert.Equal(3, survivors.Count);
        // The survivor shows the remaining contributor's version again (with its alias), not the replaced one's.
        Assert.Equal(Json(safety), Json(survivors.Single(n => n.Id == safety.Id)));
        Assert.Single(await Store.GetEdgesAsync([cites.Id], EdgeType.Cite, Direction.Outgoing));
        Assert.Empty(await Store.GetEdgesAsync([safety.Id], EdgeType.Assist, Direction.Outgoing));
        Assert.Empty(await Store.GetNodesAsync([shared.Id]));

        Assert.True(await Store.RemoveDocumentAsync(regulation.DocumentId));
        Assert.Empty(await Store.GetNodesAsync([safety.Id, law.Id, cites.Id]));
        Assert.Single(await Store.GetNodesAsync([market.Id]));
    }

    [StoreFact]
    public async Task Removing_a_document_removes_its_contribution_and_says_whether_it_was_loaded()
    {
        var (graph, k) = Kunshan();
        await Store.LoadDocumentAsync(graph);

        Assert.True(await Store.RemoveDocumentAsync(graph.Document.Id));
        Assert.False(await Store.RemoveDocumentAsync(graph.Document.Id));

        Assert.Empty(await Store.GetNodesAsync([.. graph.Nodes.Select(n => n.Id), graph.Document.Id]));
        Assert.Null(await Store.GetDocumentTextAsync(graph.Document.Id));
        Assert.Empty((await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty))).Items);
        Assert.Empty(await Store.GetEdgesAsync([TestTaxonomy.Gas.Id, TestTaxonomy.TownGas.Id, TestTaxonomy.Catering.Id], EdgeType.Lead, Direction.Incoming));
        Assert.Equal(5, (await Store.GetTaxonomyAsync()).Count);
        Assert.Equal(LoadOutcome.Inserted, await Store.LoadDocumentAsync(graph));
        Assert.Equal(3, (await Store.FindNodesAsync(new NodeQuery(NodeLabel.Body, k.Place.Id))).TotalCount);
    }

    [StoreFact]
    public async Task Finds_nodes_by_label_jurisdiction_agency_type_and_name_in_name_order()
    {
        var (kunshan, k) = Kunshan();
        await Store.LoadDocumentAsync(kunshan);
        var luoyang = new TestDocument("洛阳市", "洛阳市安全生产责任规定");
        luoyang.Body("市住房和城乡建设局", "住房和城乡建设");
        luoyang.Body("市公安局", "公安");
        await Store.LoadDocumentAsync(luoyang.Build());

        var kunshanBodies = await Store.FindNodesAsync(new NodeQuery(NodeLabel.Body, k.Place.Id));
        Assert.Equal(["市商务局", "市安委会办公室", "市应急管理局"], kunshanBodies.Items.Select(n => n.DisplayName));
        Assert.Equal(3, kunshanBodies.TotalCount);

        var housing = await Store.FindNodesAsync(new NodeQuery(NodeLabel.Body, AgencyType: "住房和城乡建设"));
        Assert.Equal(["市住房和城乡建设局"], housing.Items.Select(n => n.DisplayName));

        var named = await Store.FindNodesAsync(new NodeQuery(NodeLabel.Body, NameContains: "应急"));
        Assert.Equal(["市应急管理局"], named.Items.Select(n => n.DisplayName));

        var places = await Store.FindNodesAsync(new NodeQuery(NodeLabel.Jurisdiction));
        Assert.Equal(["昆山市", "洛阳市"], places.Items.Select(n => n.DisplayName).Order());
        Assert.Empty((await Store.FindNodesAsync(new NodeQuery(NodeLabel.Body, k.Place.Id, "公安"))).Items);
        Assert.Single((await Store.FindNodesAsync(new NodeQuery(NodeLabel.Document))).Items, d => d.Id == kunshan.Document.Id);
    }

    [StoreFact]
    public async Task Pages_found_nodes_and_counts_them_all()
    {
        var doc = new TestDocument("张山子镇", "镇安全生产职责");
        for (var i = 0; i < 12; i++)
        {
            doc.Body($"村{i:00}", kind: BodyKind.Grassroots);
        }

        await Store.LoadDocumentAsync(doc.Build());

        var first = await Store.FindNodesAsync(new NodeQuery(NodeLabel.Body, doc.Place.Id, Take: 5));
        var third = await Store.FindNodesAsync(new NodeQuery(NodeLabel.Body, doc.Place.Id, Skip: 10, Take: 5));
        Assert.Equal(12, first.TotalCount);
        Assert.Equal(["村00", "村01", "村02", "村03", "村04"], first.Items.Select(n => n.DisplayName));
        Assert.Equal(["村10", "村11"], third.Items.Select(n => n.DisplayName));
        Assert.Equal(12, third.TotalCount);
    }

    [StoreFact]
    public async Task Gets_stored_edges_in_both_directions_with_evidence_scope_and_provenance()
    {
        var (graph, k) = Kunshan();
        await Store.LoadDocumentAsync(graph);

        var leads = await Store.GetEdgesAsync([k.Commerce.Id], EdgeType.Lead, Direction.Outgoing);
        var lead = Assert.Single(leads);
        Assert.Equal((k.Commerce.Id, TestTaxonomy.Catering.Id), (lead.FromId, lead.ToId));
        Assert.Equal([k.CateringGas.Id], lead.Evidence);
        Assert.Equal(k.CateringGas.Source, lead.Source);

        var assist = Assert.Single(await Store.GetEdgesAsync([TestTaxonomy.TownGas.Id], EdgeType.Assist, Direction.Incoming));
        Assert.Equal(k.Commerce.Id, assist.FromId);
        Assert.Equal("餐饮场所用气", assist.Scope);
        Assert.Equal([k.CateringGas.Id], assist.Evidence);

        var covered = await Store.GetEdgesAsync([k.CateringGas.Id], EdgeType.Covers, Direction.Outgoing);
        Assert.Equal([TestTaxonomy.Catering.Id, TestTaxonomy.TownGas.Id], covered.Select(e => e.ToId).Order());
        Assert.Single(await Store.GetEdgesAsync([k.Safety.Id], EdgeType.Mentions, Direction.Incoming));
        Assert.Single(await Store.GetEdgesAsync([k.SafetyLaw.Id], EdgeType.Cite, Direction.Incoming));
        Assert.Empty(await Store.GetEdgesAsync([k.Commerce.Id], EdgeType.Lead, Direction.Incoming));
        Assert.Empty(await Store.GetEdgesAsync([], EdgeType.Lead, Direction.Outgoing));
    }

    [StoreFact]
    public async Task Answers_structural_relationships_from_the_nodes_links()
    {
        var (graph, k) = Kunshan();
        await Store.LoadDocumentAsync(graph);

        var inPlace = await Store.GetEdgesAsync([k.Place.Id], EdgeType.In, Direction.Incoming);
        Assert.Equal(
            new[] { graph.Document.Id, k.Commerce.Id, k.Office.Id, k.Safety.Id, k.Mayor.Id }.Order(),
            inPlace.Select(e => e.FromId).Order());
        Assert.All(inPlace, e => Assert.Equal(k.Place.Id, e.ToId));
        Assert.Equal(k.Place.Id, Assert.Single(await Store.GetEdgesAsync([k.Commerce.Id], EdgeType.In, Direction.Outgoing)).ToId);

        var duties = await Store.GetEdgesAsync([k.Commerce.Id, k.Mayor.Id], EdgeType.HasDuty, Direction.Outgoing);
        Assert.Equal(new[] { k.CateringGas.Id, k.CommerceFire.Id, k.MayorDuty.Id }.Order(), duties.Select(e => e.ToId).Order());
        var owner = Assert.Single(await Store.GetEdgesAsync([k.MayorDuty.Id], EdgeType.HasDuty, Direction.Incoming));
        Assert.Equal(k.Mayor.Id, owner.FromId);

        var hosted = Assert.Single(await Store.GetEdgesAsync([k.Office.Id], EdgeType.HostedBy, Direction.Outgoing));
        Assert.Equal(k.Safety.Id, hosted.ToId);
        Assert.Equal(k.Office.Id, Assert.Single(await Store.GetEdgesAsync([k.Safety.Id], EdgeType.HostedBy, Direction.Incoming)).FromId);

        var children = await Store.GetEdgesAsync([TestTaxonomy.Gas.Id], EdgeType.Parent, Direction.Incoming);
        Assert.Equal(TestTaxonomy.TownGas.Id, Assert.Single(children).FromId);
        Assert.Equal(TestTaxonomy.TownGas.Id, Assert.Single(await Store.GetEdgesAsync([TestTaxonomy.BottledGas.Id], EdgeType.Parent, Direction.Outgoing)).ToId);
        Assert.Empty(await Store.GetEdgesAsync([TestTaxonomy.Gas.Id], EdgeType.Parent, Direction.Outgoing));
    }

    [StoreFact]
    public async Task Finds_two_character_chinese_terms_in_duty_texts_and_names()
    {
        var (graph, k) = Kunshan();
        await Store.LoadDocumentAsync(graph);

        var gas = await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty));
        Assert.Equal(new[] { k.CateringGas.Id, k.TownGasDuty.Id }.Order(), gas.Items.Select(h => h.Node.Id).Order());
        Assert.Equal(2, gas.TotalCount);

        var catering = await Store.SearchAsync(new TextQuery("餐饮", NodeLabel.Duty));
        Assert.Equal([k.CateringGas.Id], catering.Items.Select(h => h.Node.Id));

        var fire = await Store.SearchAsync(new TextQuery("消防", NodeLabel.Duty));
        Assert.Equal([k.CommerceFire.Id], fire.Items.Select(h => h.Node.Id));

        var both = await Store.SearchAsync(new TextQuery("燃气 餐饮"));
        Assert.Equal([k.CateringGas.Id], both.Items.Select(h => h.Node.Id));

        var bodies = await Store.SearchAsync(new TextQuery("应急", NodeLabel.Body));
        Assert.Equal([k.Safety.Id], bodies.Items.Select(h => h.Node.Id));
        var sectors = await Store.SearchAsync(new TextQuery("饭店", NodeLabel.Sector));
        Assert.Equal([TestTaxonomy.Catering.Id], sectors.Items.Select(h => h.Node.Id));
        Assert.Empty((await Store.SearchAsync(new TextQuery("隧道"))).Items);
        Assert.Empty((await Store.SearchAsync(new TextQuery("  ，。"))).Items);
    }

    [StoreFact]
    public async Task Finds_a_phrase_only_where_its_characters_stand_together()
    {
        var doc = new TestDocument("库尔勒市", "新业态监管职责清单");
        var office = doc.Body("市交通运输局", "交通运输");
        var together = doc.Duty(office, "负责网约车安全监管。");
        doc.Duty(office, "负责网络预约出租汽车以及顺风车的安全。");
        doc.Duty(office, "督促网约车平台公司落实安全主体责任。");
        await Store.LoadDocumentAsync(doc.Build());

        var hits = await Store.SearchAsync(new TextQuery("网约车安全", NodeLabel.Duty));
        Assert.Equal([together.Id], hits.Items.Select(h => h.Node.Id));
        Assert.Equal(2, (await Store.SearchAsync(new TextQuery("网约车", NodeLabel.Duty))).TotalCount);
    }

    [StoreFact]
    public async Task Requires_every_term_and_finds_a_term_through_any_of_its_forms()
    {
        var doc = new TestDocument("昆山市", "职责规定");
        var office = doc.Body("市商务局", "商务");
        var natural = doc.Duty(office, "督促餐饮企业规范使用天然气。");
        var bottled = doc.Duty(office, "配合查处饭店违规存放液化石油气钢瓶。");
        var gasOnly = doc.Duty(office, "负责燃气经营许可。");
        doc.Duty(office, "负责餐饮企业食品安全。");
        await Store.LoadDocumentAsync(doc.Build());

        // 燃气 with its forms, and 餐饮 with its own: a duty must hold a form of each.
        SearchTerm gas = new(["燃气", "天然气", "液化石油气"]);
        SearchTerm catering = new(["餐饮", "饭店"]);
        var both = await Store.SearchAsync(new TextQuery("燃气 餐饮", NodeLabel.Duty, Terms: [gas, catering]));
        Assert.Equal(new[] { natural.Id, bottled.Id }.Order(), both.Items.Select(h => h.Node.Id).Order());
        Assert.Equal(2, both.TotalCount);

        var anyGas = await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty, Terms: [gas]));
        Assert.Equal(new[] { natural.Id, bottled.Id, gasOnly.Id }.Order(), anyGas.Items.Select(h => h.Node.Id).Order());
        // Without forms, the word alone.
        Assert.Equal([gasOnly.Id], (await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty))).Items.Select(h => h.Node.Id));
        // A one-character form takes the substring path in Neo4j: still any form of every term.
        var withOneCharacter = await Store.SearchAsync(new TextQuery("瓶 餐饮", NodeLabel.Duty, Terms: [new(["瓶", "罐"]), catering]));
        Assert.Equal([bottled.Id], withOneCharacter.Items.Select(h => h.Node.Id));
    }

    [StoreFact]
    public async Task Finds_through_forms_that_hold_each_other_what_each_form_finds()
    {
        var doc = new TestDocument("洛阳市", "职责清单");
        var office = doc.Body("市城市管理局", "城市管理");
        var piped = doc.Duty(office, "负责管道燃气安全监督。");
        var facilities = doc.Duty(office, "督促检查燃气设施保护。");
        var latin = doc.Duty(office, "规范LPG燃气钢瓶充装。");
        var liquefied = doc.Duty(office, "负责液化气站安全监管。");
        var cylinders = doc.Duty(office, "负责气瓶充装许可。");
        doc.Duty(office, "负责燃料油品市场监管。");
        await Store.LoadDocumentAsync(doc.Build());

        // 管道燃气, 燃气设施 and lpg燃气 are found wherever 燃气 is; 液化气 and 气瓶 only through their own words.
        SearchTerm gas = new(["燃气", "管道燃气", "燃气设施", "lpg燃气", "液化气", "气瓶"]);
        var everywhere = await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty, Terms: [gas]));
        var expected = new[] { piped.Id, facilities.Id, latin.Id, liquefied.Id, cylinders.Id }.Order();
        Assert.Equal(expected, everywhere.Items.Select(h => h.Node.Id).Order());
        Assert.Equal(5, everywhere.TotalCount);
        var inPlace = await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty, doc.Place.Id, Terms: [gas]));
        Assert.Equal(expected, inPlace.Items.Select(h => h.Node.Id).Order());
        // Ranked on every form: the clause holding 管道燃气 (two of the forms) before the one holding 气瓶 alone.
        var ranked = inPlace.Items.Select(h => h.Node.Id).ToList();
        Assert.True(ranked.IndexOf(piped.Id) < ranked.IndexOf(cylinders.Id));
    }

    [StoreFact]
    public async Task Finds_quoted_text_only_as_a_phrase()
    {
        var doc = new TestDocument("昆山市", "职责规定");
        var office = doc.Body("市住建局", "住房和城乡建设");
        var phrase = doc.Duty(office, "负责燃气安全监督管理。");
        doc.Duty(office, "负责燃气经营许可，督促落实安全责任。");
        await Store.LoadDocumentAsync(doc.Build());

        Assert.Equal([phrase.Id], (await Store.SearchAsync(new TextQuery("\"燃气 安全\"", NodeLabel.Duty))).Items.Select(h => h.Node.Id));
        Assert.Equal([phrase.Id], (await Store.SearchAsync(new TextQuery("“燃气安全”", NodeLabel.Duty))).Items.Select(h => h.Node.Id));
        Assert.Equal(2, (await Store.SearchAsync(new TextQuery("燃气 安全", NodeLabel.Duty))).TotalCount);
    }

    [StoreFact]
    public async Task Finds_one_character_terms_full_width_and_latin_words()
    {
        var doc = new TestDocument("魏都区", "职责规定");
        var office = doc.Body("区交通运输局", "交通运输");
        var drones = doc.Duty(office, "负责ＵＡＶ无人机飞行安全，配合做好低空经济。");
        var lpg = doc.Duty(office, "配合查处LPG运输车辆违法行为，严禁超载。");
        await Store.LoadDocumentAsync(doc.Build());

        Assert.Equal([drones.Id], (await Store.SearchAsync(new TextQuery("uav", NodeLabel.Duty))).Items.Select(h => h.Node.Id));
        Assert.Equal([lpg.Id], (await Store.SearchAsync(new TextQuery("ｌｐｇ", NodeLabel.Duty))).Items.Select(h => h.Node.Id));
        // 载 stands only at the end of a run, 机 only inside one: both are found.
        Assert.Equal([lpg.Id], (await Store.SearchAsync(new TextQuery("载", NodeLabel.Duty))).Items.Select(h => h.Node.Id));
        Assert.Equal([drones.Id], (await Store.SearchAsync(new TextQuery("机", NodeLabel.Duty))).Items.Select(h => h.Node.Id));
        Assert.Equal(2, (await Store.SearchAsync(new TextQuery("配", NodeLabel.Duty))).TotalCount);
    }

    [StoreFact]
    public async Task Ranks_the_closest_matches_first()
    {
        var doc = new TestDocument("昆山市", "职责规定");
        var office = doc.Body("市住建局", "住房和城乡建设");
        var passing = doc.Duty(office, "负责建筑施工、市政设施、园林绿化、房屋安全、物业管理等行业的安全生产监督管理，指导燃气工作。");
        var focused = doc.Duty(office, "负责燃气安全，查处燃气违法行为。");
        await Store.LoadDocumentAsync(doc.Build());

        var hits = (await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty))).Items;

        Assert.Equal([focused.Id, passing.Id], hits.Select(h => h.Node.Id));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [StoreFact]
    public async Task Restricts_a_search_to_a_label_and_a_jurisdiction_and_pages_it()
    {
        var kunshan = new TestDocument("昆山市", "职责规定");
        var luoyang = new TestDocument("洛阳市", "职责规定");
        foreach (var doc in new[] { kunshan, luoyang })
        {
            var body = doc.Body("市燃气管理处", "住房和城乡建设");
            for (var i = 1; i <= 7; i++)
            {
                doc.Duty(body, $"负责第{i}类燃气设施的安全检查。");
            }

            await Store.LoadDocumentAsync(doc.Build());
        }

        // 14 duties, 2 bodies and the taxonomy's 燃气, 城镇燃气, 瓶装燃气.
        var all = await Store.SearchAsync(new TextQuery("燃气"));
        Assert.Equal(19, all.TotalCount);

        var kunshanDuties = await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty, kunshan.Place.Id, Skip: 5, Take: 5));
        Assert.Equal(7, kunshanDuties.TotalCount);
        Assert.Equal(2, kunshanDuties.Items.Count);
        Assert.All(kunshanDuties.Items, h => Assert.Equal(kunshan.Place.Id, Assert.IsType<Duty>(h.Node).JurisdictionId));

        var bodies = await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Body, luoyang.Place.Id));
        Assert.Equal("市燃气管理处", Assert.Single(bodies.Items).Node.DisplayName);
    }

    [StoreFact]
    public async Task Reads_one_place_s_edges_into_a_shared_sector_without_the_other_places()
    {
        var documents = new[] { "昆山市", "洛阳市", "魏都区" }.Select(place => new TestDocument(place, "职责规定")).ToList();
        var leads = new Dictionary<string, GraphEdge>();
        var dutiesOf = new Dictionary<string, string>();
        foreach (var doc in documents)
        {
            var housing = doc.Body("市住建局", "住房和城乡建设");
            var duty = doc.Duty(housing, "负责城镇燃气行业安全监管。");
            leads[doc.Place.Id] = doc.Edge(EdgeType.Lead, housing, TestTaxonomy.TownGas, null, duty);
            doc.Edge(EdgeType.Covers, duty, TestTaxonomy.TownGas, null, duty);
            dutiesOf[housing.Id] = duty.Id;
            await Store.LoadDocumentAsync(doc.Build());
        }

        var (kunshan, luoyang) = (documents[0].Place.Id, documents[1].Place.Id);
        Assert.Equal(3, (await Store.GetEdgesAsync([TestTaxonomy.TownGas.Id], EdgeType.Lead, Direction.Incoming)).Count);
        Assert.Equal([leads[kunshan].Id],
            (await Store.GetEdgesAsync([TestTaxonomy.TownGas.Id], EdgeType.Lead, Direction.Incoming, [kunshan])).Select(e => e.Id));
        Assert.Equal(new[] { leads[kunshan].Id, leads[luoyang].Id }.Order(),
            (await Store.GetEdgesAsync([TestTaxonomy.TownGas.Id], EdgeType.Lead, Direction.Incoming, [kunshan, luoyang])).Select(e => e.Id).Order());
        var covers = await Store.GetEdgesAsync([TestTaxonomy.TownGas.Id], EdgeType.Covers, Direction.Incoming, [luoyang]);
        Assert.Equal(leads[luoyang].Evidence, covers.Select(e => e.FromId));
        Assert.Empty(await Store.GetEdgesAsync([TestTaxonomy.TownGas.Id], EdgeType.Lead, Direction.Incoming, []));

        // Structural edges know their place through the node that holds them.
        var bodies = leads.Values.Select(e => e.FromId).ToList();
        var hasDuty = await Store.GetEdgesAsync(bodies, EdgeType.HasDuty, Direction.Outgoing, [luoyang]);
        Assert.Equal([dutiesOf[leads[luoyang].FromId]], hasDuty.Select(e => e.ToId));
        Assert.Equal([leads[kunshan].FromId],
            (await Store.GetEdgesAsync([kunshan], EdgeType.In, Direction.Incoming, [kunshan])).Where(e => bodies.Contains(e.FromId)).Select(e => e.FromId));
    }

    [StoreFact]
    public async Task Searches_everywhere_place_by_place_best_first_within_each_and_pages_without_gaps_or_repeats()
    {
        var documents = new[] { "昆山市", "洛阳市", "魏都区" }.Select(place => new TestDocument(place, "职责规定")).ToList();
        var focused = new Dictionary<string, string>();
        foreach (var doc in documents)
        {
            var body = doc.Body("市住建局", "住房和城乡建设");
            doc.Duty(body, "负责建筑施工、市政设施、园林绿化、房屋安全、物业管理等行业的安全生产监督管理，指导燃气工作。");
            focused[doc.Place.Id] = doc.Duty(body, "负责燃气安全，查处燃气违法行为，督促燃气企业落实燃气安全责任。").Id;
            doc.Duty(body, "负责城市道路、桥梁、排水设施的安全管理，配合做好燃气管道保护。");
            doc.Duty(body, "负责房屋安全鉴定。");
            await Store.LoadDocumentAsync(doc.Build());
        }

        var whole = await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty, Take: 100));
        Assert.Equal(9, whole.TotalCount);
        Assert.Equal(9, whole.Items.Count);

        // Each place's matches come together, the best of each place first, scores falling within a place.
        var runs = new List<List<SearchHit>>();
        foreach (var hit in whole.Items)
        {
            var place = Assert.IsType<Duty>(hit.Node).JurisdictionId;
            if (runs.Count == 0 || Assert.IsType<Duty>(runs[^1][0].Node).JurisdictionId != place)
            {
                runs.Add([]);
            }

            runs[^1].Add(hit);
        }

        Assert.Equal(3, runs.Count);
        Assert.Equal(documents.Select(d => d.Place.Id).Order(), runs.Select(r => ((Duty)r[0].Node).JurisdictionId).Order());
        Assert.All(runs, run =>
        {
            Assert.Equal(focused[((Duty)run[0].Node).JurisdictionId], run[0].Node.Id);
            Assert.Equal(run.Select(h => h.Score).OrderDescending(), run.Select(h => h.Score));
        });

        // Pages of every size, cut anywhere (inside a place too), join up to the whole list.
        foreach (var size in new[] { 1, 2, 4, 5 })
        {
            var joined = new List<string>();
            for (var skip = 0; skip < 12; skip += size)
            {
                var page = await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Duty, Skip: skip, Take: size));
                Assert.Equal(9, page.TotalCount);
                joined.AddRange(page.Items.Select(h => h.Node.Id));
            }

            Assert.Equal(whole.Items.Select(h => h.Node.Id), joined);
        }
    }

    [StoreFact]
    public async Task Keeps_a_document_s_own_sectors_with_it_through_a_taxonomy_change_and_drops_them_with_the_document()
    {
        var doc = new TestDocument("平湖市", "新兴行业领域安全监管职责分工");
        var camping = new Sector(StableId.DocumentSector(doc.DocumentId, "露营地"), "露营地", "venue", null, [], "露营地");
        var barbecue = new Sector(StableId.DocumentSector(doc.DocumentId, "露天烧烤餐饮"), "露天烧烤餐饮", "venue", TestTaxonomy.Catering.Id, [], "露天烧烤餐饮");
        doc.Add(camping);
        doc.Add(barbecue);
        var bureau = doc.Body("市文化广电和旅游局", "文化和旅游");
        var duty = doc.Duty(bureau, "指导露营地经营单位落实安全管理制度。");
        doc.Edge(EdgeType.Lead, bureau, camping, null, duty);
        var graph = doc.Build();

        Assert.Equal(LoadOutcome.Inserted, await Store.LoadDocumentAsync(graph));
        Assert.Equal(Json(camping), Json((await Store.GetNodesAsync([camping.Id])).Single()));
        Assert.Equal([camping.Id], (await Store.GetSectorClosureAsync("露营地")).Select(s => s.Id));
        Assert.Contains(barbecue.Id, (await Store.GetSectorClosureAsync("餐饮")).Select(s => s.Id));
        Assert.Equal([bureau.Id], (await Store.GetEdgesAsync([camping.Id], EdgeType.Lead, Direction.Incoming)).Select(e => e.FromId));

        // The taxonomy is replaced around the documents' own sectors, not over them.
        await Store.ReplaceTaxonomyAsync([TestTaxonomy.Catering, TestTaxonomy.Fire]);
        Assert.Equal([camping.Id], (await Store.GetSectorClosureAsync("露营地")).Select(s => s.Id));
        Assert.Contains(camping.Id, (await Store.GetTaxonomyAsync()).Select(s => s.Id));

        Assert.True(await Store.RemoveDocumentAsync(graph.Document.Id));
        Assert.Empty(await Store.GetNodesAsync([camping.Id, barbecue.Id]));
        Assert.Empty(await Store.GetSectorClosureAsync("露营地"));
        Assert.Equal(new[] { TestTaxonomy.Catering.Id, TestTaxonomy.Fire.Id }.Order(), (await Store.GetTaxonomyAsync()).Select(s => s.Id).Order());
    }

    [StoreFact]
    public async Task Replaces_the_taxonomy_and_answers_a_topic_closure_through_names_synonyms_and_descendants()
    {
        Assert.Equal(
            new[] { TestTaxonomy.Gas.Id, TestTaxonomy.TownGas.Id, TestTaxonomy.BottledGas.Id }.Order(),
            (await Store.GetSectorClosureAsync("燃气")).Select(s => s.Id).Order());
        Assert.Equal(
            new[] { TestTaxonomy.Gas.Id, TestTaxonomy.TownGas.Id, TestTaxonomy.BottledGas.Id }.Order(),
            (await Store.GetSectorClosureAsync("天然气")).Select(s => s.Id).Order());
        Assert.Equal(
            new[] { TestTaxonomy.TownGas.Id, TestTaxonomy.BottledGas.Id }.Order(),
            (await Store.GetSectorClosureAsync("管道燃气")).Select(s => s.Id).Order());
        Assert.Equal([TestTaxonomy.Catering.Id], (await Store.GetSectorClosureAsync("饭店")).Select(s => s.Id));
        Assert.Empty(await Store.GetSectorClosureAsync("隧道"));

        var stored = (await Store.GetTaxonomyAsync()).Single(s => s.Id == TestTaxonomy.BottledGas.Id);
        Assert.Equal(Json(TestTaxonomy.BottledGas), Json(stored));

        var drones = new Sector(StableId.Sector("无人机"), "无人机", "venue", null, ["低空飞行器"]);
        await Store.ReplaceTaxonomyAsync([TestTaxonomy.Catering, drones]);
        Assert.Equal(new[] { TestTaxonomy.Catering.Id, drones.Id }.Order(), (await Store.GetTaxonomyAsync()).Select(s => s.Id).Order());
        Assert.Empty(await Store.GetSectorClosureAsync("燃气"));
        Assert.Equal([drones.Id], (await Store.GetSectorClosureAsync("低空飞行器")).Select(s => s.Id));
        Assert.Equal([drones.Id], (await Store.SearchAsync(new TextQuery("无人", NodeLabel.Sector))).Items.Select(h => h.Node.Id));
        Assert.Empty((await Store.SearchAsync(new TextQuery("燃气", NodeLabel.Sector))).Items);
    }

    [StoreFact]
    public async Task The_content_version_changes_on_every_write_and_not_on_an_unchanged_load()
    {
        var (graph, _) = Kunshan();
        var empty = await Store.GetContentVersionAsync();
        Assert.Equal(empty, await Store.GetContentVersionAsync());

        Assert.Equal(LoadOutcome.Inserted, await Store.LoadDocumentAsync(graph));
        var loaded = await Store.GetContentVersionAsync();
        Assert.NotEqual(empty, loaded);

        Assert.Equal(LoadOutcome.Unchanged, await Store.LoadDocumentAsync(graph));
        Assert.Equal(loaded, await Store.GetContentVersionAsync());

        var v2 = new TestDocument("昆山市", "安全生产工作职责规定", "v2");
        v2.Duty(v2.Body("市消防救援大队", "消防救援"), "负责消防安全监督检查。");
        var before = await Store.GetContentVersionAsync();
        Assert.Equal(LoadOutcome.Inserted, await Store.LoadDocumentAsync(v2.Build()));
        var inserted = await Store.GetContentVersionAsync();
        Assert.NotEqual(before, inserted);

        var v3 = new TestDocument("昆山市", "安全生产工作职责规定", "v3");
        v3.Duty(v3.Body("市消防救援大队", "消防救援"), "负责消防安全检查。");
        Assert.Equal(LoadOutcome.Replaced, await Store.LoadDocumentAsync(v3.Build()));
        var replaced = await Store.GetContentVersionAsync();
        Assert.NotEqual(inserted, replaced);

        Assert.True(await Store.RemoveDocumentAsync(graph.Document.Id));
        var removed = await Store.GetContentVersionAsync();
        Assert.NotEqual(replaced, removed);
        Assert.False(await Store.RemoveDocumentAsync(graph.Document.Id));
        Assert.Equal(removed, await Store.GetContentVersionAsync());

        await Store.ReplaceTaxonomyAsync(TestTaxonomy.Sectors);
        Assert.NotEqual(removed, await Store.GetContentVersionAsync());
    }

    [StoreFact]
    public async Task Returns_a_documents_text_and_null_for_a_document_not_loaded()
    {
        var (graph, k) = Kunshan();
        await Store.LoadDocumentAsync(graph);

        var text = await Store.GetDocumentTextAsync(graph.Document.Id);

        Assert.Equal(graph.Text, text);
        var span = k.CateringGas.Source;
        Assert.Equal(k.CateringGas.Text, text![span.Start..(span.Start + span.Length)]);
        Assert.Null(await Store.GetDocumentTextAsync("doc_unknown"));
        Assert.True(await Store.IsReachableAsync());
    }

    [StoreFact]
    public async Task A_reader_during_a_load_sees_the_old_version_or_the_new_never_a_mix()
    {
        var (v1, body1) = ManyDuties("v1", "甲");
        var (v2, body2) = ManyDuties("v2", "乙");
        Assert.Equal(body1, body2);
        await Store.LoadDocumentAsync(v1);
        var oldDuties = v1.Nodes.OfType<Duty>().Select(d => d.Id).Order().ToList();
        var newDuties = v2.Nodes.OfType<Duty>().Select(d => d.Id).Order().ToList();
        Assert.NotEqual(oldDuties, newDuties);

        var load = Task.Run(() => Store.LoadDocumentAsync(v2));
        var sawOld = 0;
        do
        {
            var duties = (await Store.GetEdgesAsync([body1], EdgeType.HasDuty, Direction.Outgoing)).Select(e => e.ToId).Order().ToList();
            var old = duties.SequenceEqual(oldDuties);
            Assert.True(old || duties.SequenceEqual(newDuties), $"a mix of {duties.Count} duties");
            sawOld += old ? 1 : 0;

            var marked = await Store.SearchAsync(new TextQuery("甲类", NodeLabel.Duty, Take: 1));
            Assert.Contains(marked.TotalCount, new[] { 0, oldDuties.Count });
        }
        while (!load.IsCompleted);

        Assert.Equal(LoadOutcome.Replaced, await load);
        var after = (await Store.GetEdgesAsync([body1], EdgeType.HasDuty, Direction.Outgoing)).Select(e => e.ToId).Order();
        Assert.Equal(newDuties, after);
        Assert.Equal(0, (await Store.SearchAsync(new TextQuery("甲类"))).TotalCount);
    }

    // 昆山市: a committee office hosted by the safety bureau, the commerce bureau with a duty that covers both gas
    // and catering, a mayor, a cited law.
    private static (DocumentGraph Graph, KunshanParts Parts) Kunshan()
    {
        var doc = new TestDocument("昆山市", "昆山市政府有关部门和单位安全生产工作职责规定", number: "昆政发〔2017〕41号");
        var safety = doc.Body("市应急管理局", "应急管理");
        var office = doc.Body("市安委会办公室", "应急管理", BodyKind.CommitteeOffice, safety);
        var commerce = doc.Body("市商务局", "商务");
        var mayor = doc.Leader("市长");
        var law = doc.Law("安全生产法", "中华人民共和国安全生产法");
        var mayorDuty = doc.Duty(mayor, "全面领导本市安全生产工作。");
        var cateringGas = doc.Duty(commerce, "督促餐饮企业与供气企业签订安全供用气合同，落实燃气安全措施，并接受市应急管理局指导。");
        var commerceFire = doc.Duty(commerce, "配合做好商贸场所消防安全。");
        var townGas = doc.Duty(safety, "依照《安全生产法》综合监管城镇燃气安全。");
        doc.Edge(EdgeType.Lead, commerce, TestTaxonomy.Catering, null, cateringGas);
        doc.Edge(EdgeType.Assist, commerce, TestTaxonomy.TownGas, "餐饮场所用气", cateringGas);
        doc.Edge(EdgeType.Covers, cateringGas, TestTaxonomy.Catering);
        doc.Edge(EdgeType.Covers, cateringGas, TestTaxonomy.TownGas);
        doc.Edge(EdgeType.Covers, commerceFire, TestTaxonomy.Fire);
        doc.Edge(EdgeType.Mentions, cateringGas, safety);
        doc.Edge(EdgeType.Cite, townGas, law);
        return (doc.Build(), new KunshanParts(doc.Place, safety, office, commerce, mayor, law, mayorDuty, cateringGas, commerceFire, townGas));
    }

    // One file as two readers read it: the same text either way, the second reader knowing 市商务局's agency and
    // its assist on gas.
    private static (DocumentGraph Graph, string CommerceId) SameFileReadBy(bool knowsCommerce)
    {
        var doc = new TestDocument("昆山市", "安全生产工作职责规定");
        var commerce = doc.Body("市商务局", knowsCommerce ? "商务" : null);
        var duty = doc.Duty(commerce, "配合做好餐饮场所燃气安全。");
        doc.Edge(EdgeType.Covers, duty, TestTaxonomy.Gas);
        if (knowsCommerce)
        {
            doc.Edge(EdgeType.Assist, commerce, TestTaxonomy.Gas, null, duty);
        }

        return (doc.Build(), commerce.Id);
    }

    private sealed record KunshanParts(
        Jurisdiction Place,
        Body Safety,
        Body Office,
        Body Commerce,
        Leader Mayor,
        Law SafetyLaw,
        Duty MayorDuty,
        Duty CateringGas,
        Duty CommerceFire,
        Duty TownGasDuty);

    // Two versions of one document whose duties differ in every text, so that any mix is visible.
    private static (DocumentGraph Graph, string BodyId) ManyDuties(string version, string mark)
    {
        var doc = new TestDocument("洛阳市", "洛阳市安全生产责任规定", version);
        var body = doc.Body("市住建局", "住房和城乡建设");
        for (var i = 0; i < 300 + (version == "v2" ? 7 : 0); i++)
        {
            var duty = doc.Duty(body, $"{mark}类第{i}项：负责城镇燃气、建筑施工和房屋安全的监督检查，督促企业落实主体责任。");
            doc.Edge(EdgeType.Covers, duty, TestTaxonomy.TownGas);
            doc.Edge(EdgeType.Lead, body, TestTaxonomy.TownGas, null, duty);
        }

        return (doc.Build(), body.Id);
    }

    // What a place holds, as comparable text: every node and edge reachable from the place and the taxonomy.
    private async Task<string> SnapshotAsync(string placeId)
    {
        var nodes = new List<string>();
        foreach (var label in Enum.GetValues<NodeLabel>())
        {
            var page = await Store.FindNodesAsync(new NodeQuery(label, label is NodeLabel.Jurisdiction or NodeLabel.Law or NodeLabel.Sector ? null : placeId, Take: 1000));
            nodes.AddRange(page.Items.Select(Json));
        }

        var ids = (await Store.FindNodesAsync(new NodeQuery(NodeLabel.Duty, placeId, Take: 1000))).Items.Select(n => n.Id)
            .Concat((await Store.FindNodesAsync(new NodeQuery(NodeLabel.Body, placeId, Take: 1000))).Items.Select(n => n.Id))
            .ToList();
        var edges = new List<string>();
        foreach (var type in Enum.GetValues<EdgeType>())
        {
            edges.AddRange((await Store.GetEdgesAsync(ids, type, Direction.Outgoing)).Select(e => e.Id + string.Join(',', e.Evidence)).Order());
        }

        return string.Join('\n', nodes.Concat(edges));
    }

    private static string Json(GraphNode node) => JsonSerializer.Serialize(node);
}
