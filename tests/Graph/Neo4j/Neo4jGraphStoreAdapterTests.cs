using System.Net;
using System.Text.Json;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Neo4j;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Graph.Neo4j;

/// <summary>The Neo4j store against a fake Query API: what it sends, and how it reads what comes back.</summary>
public sealed class Neo4jGraphStoreAdapterTests : IDisposable
{
    private readonly FakeQueryApi _api = new();

    public void Dispose() => _api.Dispose();

    private static string Line(RecordedRequest r) => $"{r.Method} {r.Path}";

    private static readonly JsonSerializerOptions BasisJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task Creates_uniqueness_constraints_and_a_cjk_full_text_index_over_the_search_text_if_they_do_not_exist()
    {
        await StoreDriver.Store(_api).InitializeAsync();

        var statements = _api.Requests.Select(r => r.Statement!).ToList();
        Assert.All(statements.SkipLast(1), s => Assert.Contains(s.StartsWith("DROP ", StringComparison.Ordinal) ? "IF EXISTS" : "IF NOT EXISTS", s, StringComparison.Ordinal));
        Assert.Contains($"DROP INDEX {Neo4jCypher.FormerFullTextIndex} IF EXISTS", statements);
        Assert.Equal("CALL db.awaitIndexes(300)", statements[^1]);
        Assert.Contains("CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE", statements);
        Assert.Contains("CREATE CONSTRAINT body_id IF NOT EXISTS FOR (n:Body) REQUIRE n.id IS UNIQUE", statements);
        var fullText = Assert.Single(statements, s => s.StartsWith("CREATE FULLTEXT INDEX", StringComparison.Ordinal));
        Assert.Contains("`fulltext.analyzer`: 'cjk'", fullText, StringComparison.Ordinal);
        Assert.Contains("(n:Jurisdiction|Document|Body|Leader|Duty|Sector|Law)", fullText, StringComparison.Ordinal);
        Assert.Contains("ON EACH [n.searchText]", fullText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loads_a_new_document_in_one_explicit_transaction_and_commits_it()
    {
        var outcome = await StoreDriver.Store(_api).LoadDocumentAsync(SampleDocument.Build());

        Assert.Equal(LoadOutcome.Inserted, outcome);
        var requests = _api.Requests;
        Assert.Equal("POST /db/neo4j/query/v2/tx", Line(requests[0]));
        Assert.Equal("POST /db/neo4j/query/v2/tx/lyU/commit", Line(requests[^1]));
        Assert.All(requests.Skip(1), r => Assert.Equal(FakeQueryApi.Affinity, r.Header("neo4j-cluster-affinity")));
        Assert.All(requests.Skip(1).SkipLast(1), r => Assert.Equal("/db/neo4j/query/v2/tx/lyU", r.Path));
        var statements = requests.Select(r => r.Statement).OfType<string>().ToList();
        Assert.Equal(Neo4jCypher.DocumentFingerprint, statements[0]);
        // Nothing to release for a new document.
        Assert.DoesNotContain(Neo4jCypher.ReleaseDocumentNodes, statements);
        foreach (var label in new[] { NodeLabel.Jurisdiction, NodeLabel.Document, NodeLabel.Body, NodeLabel.Leader, NodeLabel.Duty, NodeLabel.Law })
        {
            Assert.Contains(Neo4jCypher.UpsertDocumentNodes(label), statements);
        }

        foreach (var type in Neo4jCypher.DocumentEdgeTypes)
        {
            Assert.Contains(Neo4jCypher.UpsertDocumentEdges(type), statements);
        }
    }

    [Fact]
    public async Task Gives_shared_nodes_the_document_and_the_document_the_list_of_what_it_contributed()
    {
        var graph = SampleDocument.Build();
        await StoreDriver.Store(_api).LoadDocumentAsync(graph);

        var documentRows = _api.Requests.Single(r => r.Statement == Neo4jCypher.UpsertDocumentNodes(NodeLabel.Document)).Parameters;
        Assert.Equal(graph.Document.Id, documentRows.GetProperty("documentId").GetString());
        var properties = documentRows.GetProperty("rows")[0].GetProperty("properties");
        var contributed = properties.GetProperty("contributed").EnumerateArray().Select(e => e.GetString()).ToHashSet();
        Assert.True(contributed.SetEquals(graph.Nodes.Select(n => n.Id).Append(graph.Document.Id)));
        Assert.Equal(graph.Text, properties.GetProperty("sourceText").GetString());

        var edgeRows = _api.Requests.Single(r => r.Statement == Neo4jCypher.UpsertDocumentEdges(EdgeType.Assist)).Parameters.GetProperty("rows");
        var edge = graph.Edges.Single(e => e.Type == EdgeType.Assist);
        Assert.Equal(edge.Id, edgeRows[0].GetProperty("id").GetString());
        Assert.Equal(graph.Document.Id, edgeRows[0].GetProperty("properties").GetProperty("doc").GetString());
        Assert.Equal(graph.Document.JurisdictionId, edgeRows[0].GetProperty("properties").GetProperty("place").GetString());
        Assert.Equal("安全供用气合同", edgeRows[0].GetProperty("properties").GetProperty("scope").GetString());
        // The role's basis is one JSON string: a relationship property holds no records.
        var basis = edgeRows[0].GetProperty("properties").GetProperty("basis").GetString()!;
        Assert.Equal(edge.Basis, JsonSerializer.Deserialize<List<RoleBasis>>(basis, BasisJson));
    }

    [Fact]
    public async Task Leaves_an_unchanged_document_alone_and_rolls_the_transaction_back()
    {
        var graph = SampleDocument.Build();
        await StoreDriver.Store(_api).LoadDocumentAsync(graph);
        var fingerprint = _api.Requests.Single(r => r.Statement == Neo4jCypher.UpsertDocumentNodes(NodeLabel.Document))
            .Parameters.GetProperty("rows")[0].GetProperty("properties").GetProperty("graphHash").GetString();
        var again = new FakeQueryApi
        {
            Default = r => r.Statement == Neo4jCypher.DocumentFingerprint
                ? FakeQueryApi.Rows($$"""{"fields":["graphHash"],"values":[["{{fingerprint}}"]]}""", inTransaction: true)
                : FakeQueryApi.EmptyDatabase(r),
        };

        var outcome = await StoreDriver.Store(again).LoadDocumentAsync(SampleDocument.Build());

        Assert.Equal(LoadOutcome.Unchanged, outcome);
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/lyU", "DELETE /db/neo4j/query/v2/tx/lyU"],
            again.Requests.Select(Line));
    }

    [Fact]
    public async Task Stores_the_fingerprint_every_store_computes_so_a_changed_reading_of_the_same_file_replaces_the_old_one()
    {
        var graph = SampleDocument.Build();
        var reread = graph with { Edges = [.. graph.Edges.Where(e => e.Type != EdgeType.Mentions)] };
        var first = DocumentContribution.Of(graph).Fingerprint;
        _api.Default = r => r.Statement == Neo4jCypher.DocumentFingerprint
            ? FakeQueryApi.Rows($$"""{"fields":["graphHash"],"values":[["{{first}}"]]}""", inTransaction: true)
            : FakeQueryApi.EmptyDatabase(r);

        var outcome = await StoreDriver.Store(_api).LoadDocumentAsync(reread);

        Assert.Equal(LoadOutcome.Replaced, outcome);
        Assert.Equal(graph.Document.ContentHash, reread.Document.ContentHash);
        var stored = _api.Requests.Single(r => r.Statement == Neo4jCypher.UpsertDocumentNodes(NodeLabel.Document))
            .Parameters.GetProperty("rows")[0].GetProperty("properties").GetProperty("graphHash").GetString();
        Assert.Equal(DocumentContribution.Of(reread).Fingerprint, stored);
        Assert.NotEqual(first, stored);
    }

    [Fact]
    public async Task Refuses_a_graph_that_breaks_the_model_before_sending_anything()
    {
        var graph = SampleDocument.Build();
        var sector = new Sector(StableId.Sector("网约车"), "网约车", "venue", null, []);
        var foreign = graph.Edges[0] with { Source = graph.Edges[0].Source! with { DocumentId = "doc_another" } };

        await Assert.ThrowsAsync<ArgumentException>(() => StoreDriver.Store(_api).LoadDocumentAsync(graph with { Nodes = [.. graph.Nodes, sector] }));
        await Assert.ThrowsAsync<ArgumentException>(() => StoreDriver.Store(_api).LoadDocumentAsync(graph with { Edges = [.. graph.Edges, foreign] }));

        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Sends_duplicate_edges_as_one_row_with_the_evidence_of_every_mention()
    {
        var graph = SampleDocument.Build();
        var lead = graph.Edges.Single(e => e.Type == EdgeType.Lead);
        var other = graph.Nodes.OfType<Duty>().Single(d => d.Id != lead.Evidence[0]);
        var twice = graph with { Edges = [.. graph.Edges, lead with { Evidence = [other.Id] }] };

        await StoreDriver.Store(_api).LoadDocumentAsync(twice);

        var rows = _api.Requests.Single(r => r.Statement == Neo4jCypher.UpsertDocumentEdges(EdgeType.Lead)).Parameters.GetProperty("rows");
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal([lead.Evidence[0], other.Id], row.GetProperty("properties").GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Sends_each_node_as_the_shared_projection_with_its_search_text_normalised()
    {
        var graph = SampleDocument.Build();

        await StoreDriver.Store(_api).LoadDocumentAsync(graph);

        var sent = _api.Requests.Where(r => r.Statement?.StartsWith("UNWIND $rows AS row MERGE (n:Entity", StringComparison.Ordinal) == true)
            .SelectMany(r => r.Parameters.GetProperty("rows").EnumerateArray())
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("properties"));
        foreach (var node in graph.Nodes.Append(graph.Document))
        {
            var projection = NodeProjection.Of(node);
            var properties = sent[node.Id];
            Assert.Equal(projection.Json, properties.GetProperty("json").GetString());
            Assert.Equal(projection.SearchText.ToLowerInvariant(), properties.GetProperty("searchText").GetString());
            Assert.Equal(projection.JurisdictionId, properties.GetProperty("jurisdictionId").GetString());
            Assert.Equal(projection.InId, properties.GetProperty("inRef").GetString());
        }

        Assert.Equal("昆山市政府有关部门和单位安全生产工作职责规定 昆政发〔2017〕41号 昆山市人民政府",
            sent[graph.Document.Id].GetProperty("searchText").GetString());
    }

    [Fact]
    public async Task Replaces_an_older_version_by_releasing_what_it_contributed_before_writing_the_new_one()
    {
        _api.Default = StoreDriver.HoldsAnOlderVersion;

        var outcome = await StoreDriver.Store(_api).LoadDocumentAsync(SampleDocument.Build());

        Assert.Equal(LoadOutcome.Replaced, outcome);
        var statements = _api.Requests.Select(r => r.Statement).OfType<string>().ToList();
        var release = statements.IndexOf(Neo4jCypher.ReleaseDocumentNodes);
        Assert.True(release > 0);
        Assert.All(Neo4jCypher.DocumentEdgeTypes, t => Assert.InRange(statements.IndexOf(Neo4jCypher.DeleteDocumentEdges(t)), 1, release - 1));
        Assert.True(statements.FindIndex(s => s.StartsWith("UNWIND $rows", StringComparison.Ordinal)) > release);
        Assert.Single(_api.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Removes_nothing_and_answers_false_for_a_document_that_is_not_loaded()
    {
        var removed = await StoreDriver.Store(_api).RemoveDocumentAsync("doc_0000000000000000");

        Assert.False(removed);
        Assert.DoesNotContain(_api.Requests, r => r.Statement == Neo4jCypher.ReleaseDocumentNodes);
        Assert.Equal(HttpMethod.Delete, _api.Requests[^1].Method);
    }

    [Fact]
    public async Task Removes_a_loaded_document_in_one_transaction()
    {
        _api.Default = StoreDriver.HoldsAnOlderVersion;

        var removed = await StoreDriver.Store(_api).RemoveDocumentAsync("doc_0000000000000000");

        Assert.True(removed);
        Assert.Contains(_api.Requests, r => r.Statement == Neo4jCypher.ReleaseDocumentNodes);
        Assert.EndsWith("/commit", _api.Requests[^1].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sends_only_parameterised_statements_from_the_catalogue_whatever_the_user_values()
    {
        const string hostile = "'}) DETACH DELETE n RETURN 1 //\" $ids `Body` \\";

        await StoreDriver.DriveEveryOperationAsync(_api, hostile);

        var expected = StoreDriver.ExpectedStatements();
        var sent = _api.Requests.Where(r => r.Statement is not null).ToList();
        Assert.NotEmpty(sent);
        foreach (var request in sent)
        {
            Assert.Contains(request.Statement!, expected);
            Assert.DoesNotContain("DETACH DELETE n RETURN 1", request.Statement!, StringComparison.Ordinal);
            Assert.DoesNotContain("昆山", request.Statement!, StringComparison.Ordinal);
        }

        // The hostile text did reach the server, as parameter values.
        Assert.Contains(sent, r => r.Parameters.GetRawText().Contains("DETACH DELETE n RETURN 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reads_back_the_nodes_it_wrote()
    {
        var graph = SampleDocument.Build();
        await StoreDriver.Store(_api).LoadDocumentAsync(graph);
        var written = _api.Requests.Where(r => r.Statement?.StartsWith("UNWIND $rows AS row MERGE (n:Entity", StringComparison.Ordinal) == true)
            .SelectMany(r => r.Parameters.GetProperty("rows").EnumerateArray())
            .Select(row => row.GetProperty("properties").GetProperty("json").GetString()!)
            .ToList();
        var reads = new FakeQueryApi();
        reads.Then(FakeQueryApi.Rows(JsonSerializer.Serialize(new { fields = new[] { "json" }, values = written.Select(j => new[] { j }) })));

        var nodes = await StoreDriver.Store(reads).GetNodesAsync(graph.Nodes.Select(n => n.Id).ToList());

        Assert.Equal(written.Count, nodes.Count);
        var duty = Assert.IsType<Duty>(nodes.Single(n => n.Id == graph.Nodes.OfType<Duty>().First().Id));
        Assert.Equal("督促餐饮企业与供气单位签订安全供用气合同。", duty.Text);
        Assert.Equal("第七条（一）", duty.Locator);
        var office = Assert.IsType<Body>(nodes.Single(n => n.DisplayName == "市安委会办公室"));
        Assert.Equal(BodyKind.CommitteeOffice, office.Kind);
        Assert.Equal(graph.Nodes.OfType<Body>().Single(b => b.Name == "市安全监管局").Id, office.HostedById);
        Assert.Equal(["安监局"], nodes.OfType<Body>().Single(b => b.Name == "市安全监管局").Aliases);
    }

    [Fact]
    public async Task Reads_a_page_of_nodes_with_its_total()
    {
        var law = new Law("law_1", "安全生产法", "中华人民共和国安全生产法", "national-law");
        var json = JsonSerializer.Serialize<GraphNode>(law);
        _api.Then(FakeQueryApi.Rows(JsonSerializer.Serialize(new { fields = new[] { "total", "page" }, values = new object[] { new object[] { 7, new[] { json } } } })));

        var page = await StoreDriver.Store(_api).FindNodesAsync(new NodeQuery(NodeLabel.Law, NameContains: "安全", Skip: 5, Take: 1));

        Assert.Equal(7, page.TotalCount);
        Assert.Equal("中华人民共和国安全生产法", Assert.IsType<Law>(Assert.Single(page.Items)).CanonicalTitle);
        var parameters = _api.Requests[0].Parameters;
        Assert.Equal("安全", parameters.GetProperty("nameContains").GetString());
        Assert.Equal(JsonValueKind.Null, parameters.GetProperty("jurisdictionId").ValueKind);
        Assert.Equal(5, parameters.GetProperty("skip").GetInt32());
        Assert.Equal(1, parameters.GetProperty("take").GetInt32());
        Assert.Equal(Neo4jCypher.FindNodes(NodeLabel.Law), _api.Requests[0].Statement);
    }

    [Fact]
    public async Task Reads_relationships_with_their_evidence_and_provenance()
    {
        _api.Then(FakeQueryApi.Rows("""
            {"fields":["relType","fromId","toId","evidence","scope","basis","doc","locator","start","length"],
             "values":[
               ["ASSIST","b_1","s_1",["d_1","d_2"],"网约车平台公司的经营许可","[{\"DutyId\":\"d_1\",\"Kind\":\"TableColumn\",\"Quote\":\"配合单位：公安部门\"}]","doc_1","表格 第3行",120,18],
               ["IN","b_1","j_1",null,null,null,null,null,null,null]
             ]}
            """));

        var edges = await StoreDriver.Store(_api).GetEdgesAsync(["b_1"], EdgeType.Assist, Direction.Outgoing);

        Assert.Equal(2, edges.Count);
        Assert.Equal(EdgeType.Assist, edges[0].Type);
        Assert.Equal(["d_1", "d_2"], edges[0].Evidence);
        Assert.Equal("网约车平台公司的经营许可", edges[0].Scope);
        Assert.Equal([new RoleBasis("d_1", RoleBasisKind.TableColumn, "配合单位：公安部门")], edges[0].Basis);
        Assert.Empty(edges[1].Basis);
        Assert.Equal(new Provenance("doc_1", "表格 第3行", 120, 18), edges[0].Source);
        Assert.Equal(new GraphEdge(EdgeType.In, "b_1", "j_1", [], null, null).Id, edges[1].Id);
        Assert.Null(edges[1].Source);
        Assert.Equal(Neo4jCypher.Edges(EdgeType.Assist, Direction.Outgoing), _api.Requests[0].Statement);
        Assert.Equal(JsonValueKind.Null, _api.Requests[0].Parameters.GetProperty("jurisdictionIds").ValueKind);
    }

    [Fact]
    public async Task Asks_only_for_the_given_places_edges_and_asks_nothing_for_no_places()
    {
        _api.Then(FakeQueryApi.Rows("""{"fields":["relType","fromId","toId","evidence","scope","basis","doc","locator","start","length"],"values":[]}"""));

        await StoreDriver.Store(_api).GetEdgesAsync(["s_1"], EdgeType.Lead, Direction.Incoming, ["j_1", "j_2", "j_1"]);
        Assert.Empty(await StoreDriver.Store(_api).GetEdgesAsync(["s_1"], EdgeType.Lead, Direction.Incoming, []));

        var request = Assert.Single(_api.Requests);
        Assert.Equal(["j_1", "j_2"], request.Parameters.GetProperty("jurisdictionIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("r.place IN $jurisdictionIds", request.Statement);
    }

    [Fact]
    public async Task Searches_with_an_escaped_lucene_phrase_per_term_that_all_must_match()
    {
        var duty = new Duty("d_1", "督促餐饮企业签订安全供用气合同", "b_1", "j_1", 1, false, new Provenance("doc_1", "一", 0, 3));
        var hit = JsonSerializer.Serialize(new { json = JsonSerializer.Serialize<GraphNode>(duty), score = 2.5 });
        _api.Then(FakeQueryApi.Rows($$"""{"fields":["total","page"],"values":[[1,[{{hit}}]]]}"""));

        var page = await StoreDriver.Store(_api).SearchAsync(new TextQuery(" 燃气  餐饮\"OR* ", NodeLabel.Duty));

        var parameters = _api.Requests[0].Parameters;
        Assert.Equal("\"燃气\" AND \"餐饮\\\"or*\"", parameters.GetProperty("query").GetString());
        Assert.Equal("Duty", parameters.GetProperty("label").GetString());
        Assert.Equal(1, page.TotalCount);
        var found = Assert.Single(page.Items);
        Assert.Equal(2.5, found.Score);
        Assert.Equal("d_1", found.Node.Id);
    }

    [Fact]
    public async Task Searches_a_term_by_any_of_its_forms_and_requires_every_term()
    {
        await StoreDriver.Store(_api).SearchAsync(new TextQuery("燃气 餐饮", NodeLabel.Duty,
            Terms: [new SearchTerm(["燃气", "天然气", "液化石油气"]), new SearchTerm(["餐饮"])]));

        var request = Assert.Single(_api.Requests);
        Assert.Equal(Neo4jCypher.Search, request.Statement);
        Assert.Equal("(\"燃气\" OR \"天然气\" OR \"液化石油气\") AND \"餐饮\"", request.Parameters.GetProperty("query").GetString());
    }

    [Fact]
    public async Task Searches_quoted_text_as_one_phrase_without_its_spaces_between_chinese_characters()
    {
        await StoreDriver.Store(_api).SearchAsync(new TextQuery("“燃气 安全” 商务", NodeLabel.Duty));

        var request = Assert.Single(_api.Requests);
        Assert.Equal("\"燃气安全\" AND \"商务\"", request.Parameters.GetProperty("query").GetString());
    }

    [Fact]
    public async Task Looks_up_the_forms_of_a_term_with_a_one_character_form_as_substrings()
    {
        await StoreDriver.Store(_api).SearchAsync(new TextQuery("瓶 餐饮", NodeLabel.Duty,
            Terms: [new SearchTerm(["瓶", "罐"]), new SearchTerm(["餐饮", "饭店"])]));

        var request = Assert.Single(_api.Requests);
        Assert.Equal(Neo4jCypher.SearchBySubstring, request.Statement);
        Assert.Equal([["瓶", "罐"], ["餐饮", "饭店"]], request.Parameters.GetProperty("terms").EnumerateArray().Select(t => t.EnumerateArray().Select(f => f.GetString()).ToArray()));
    }

    [Fact]
    public async Task Looks_up_a_one_character_term_as_a_normalised_substring()
    {
        await StoreDriver.Store(_api).SearchAsync(new TextQuery("ＬＰＧ 载", NodeLabel.Duty));

        var request = Assert.Single(_api.Requests);
        Assert.Equal(Neo4jCypher.SearchBySubstring, request.Statement);
        Assert.Equal([["lpg"], ["载"]], request.Parameters.GetProperty("terms").EnumerateArray().Select(t => t.EnumerateArray().Select(f => f.GetString()).ToArray()));
    }

    [Fact]
    public async Task Restores_a_shared_node_to_its_remaining_contributors_version_and_deletes_orphans()
    {
        _api.Default = StoreDriver.HoldsAnOlderVersion;

        await StoreDriver.Store(_api).RemoveDocumentAsync("doc_0000000000000000");

        var deleted = Assert.Single(_api.Requests, r => r.Statement == Neo4jCypher.DeleteNodes).Parameters;
        Assert.Equal(["d_only"], deleted.GetProperty("ids").EnumerateArray().Select(t => t.GetString()));
        var restored = Assert.Single(_api.Requests, r => r.Statement == Neo4jCypher.RestoreNodes).Parameters.GetProperty("rows")[0];
        Assert.Equal("b_shared", restored.GetProperty("id").GetString());
        Assert.Equal("市应急管理局 市应急局", restored.GetProperty("properties").GetProperty("searchText").GetString());
        Assert.Contains(_api.Requests, r => r.Statement == Neo4jCypher.LinkFromHolders(EdgeType.In));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("  ，。 ")]
    public async Task Answers_an_empty_search_without_asking_the_server(string text)
    {
        var page = await StoreDriver.Store(_api).SearchAsync(new TextQuery(text));

        Assert.Empty(page.Items);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Is_not_reachable_when_the_server_refuses_the_credentials()
    {
        _api.Default = StoreDriver.Unauthorized;

        Assert.False(await StoreDriver.Store(_api).IsReachableAsync());
    }

    [Fact]
    public async Task Is_reachable_when_the_server_answers()
    {
        _api.Then(FakeQueryApi.Rows("""{"fields":["ok"],"values":[[1]]}"""));

        Assert.True(await StoreDriver.Store(_api).IsReachableAsync());
    }

    [Fact]
    public async Task Replays_a_whole_load_after_a_deadlock_in_the_middle()
    {
        var failed = false;
        _api.Default = r =>
        {
            if (!failed && r.Statement == Neo4jCypher.UpsertDocumentNodes(NodeLabel.Duty))
            {
                failed = true;
                return FakeQueryApi.Error(HttpStatusCode.BadRequest, "Neo.TransientError.Transaction.DeadlockDetected", "deadlock");
            }

            return FakeQueryApi.EmptyDatabase(r);
        };

        var outcome = await StoreDriver.Store(_api).LoadDocumentAsync(SampleDocument.Build());

        Assert.Equal(LoadOutcome.Inserted, outcome);
        Assert.Equal(2, _api.Requests.Count(r => r.Path == "/db/neo4j/query/v2/tx"));
        Assert.Equal(2, _api.Requests.Count(r => r.Statement == Neo4jCypher.DocumentFingerprint));
        Assert.Single(_api.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
    }
}
