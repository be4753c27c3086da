using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Queries;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Api.Schema;

/// <summary>GraphQL type <c>Query</c>: SPEC's core contract plus Relay's <c>node(id:)</c>.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    /// <summary>Caps on list answers, so that no single request can ask for the whole knowledge base.</summary>
    public const int MaxListSize = 1000;

    /// <summary>Answers of <c>responsibilities</c> over all places when the client does not say how many: a page, as
    /// long as a connection's (20). With its evidence it stays well under 100 KB however many places are loaded (a
    /// page of 50 reached about 70–90 KB at 1,000 synthetic places, one of 100 130–170 KB).</summary>
    public const int DefaultResponsibilities = Paging.DefaultFirst;
    public const int MaxTopics = 10;
    public const int MaxJurisdictions = 10;

    public QueryGraphType()
    {
        Name = "Query";
        Description = "安全生产职责清单知识库的查询入口 (queries over the work-safety duty-list knowledge base).";

        AddNodeField();
        AddJurisdictionsField();
        AddJurisdictionField();
        AddBodyField();
        AddBodiesField();
        AddSectorsField();
        AddLawsField();
        AddDutiesField();
        AddResponsibilitiesField();
        AddCompareField();
        AddGapsField();
        AddInterpretField();
    }

    private void AddNodeField() =>
        Field<NodeGraphType, IDataLoaderResult<GraphNode?>>("node")
            .Description("按稳定 ID 取任一对象 (any object by its stable id; Relay).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "稳定 ID (stable id).")
            .Resolve(c => GraphBatchLoader.Of(c).Node<GraphNode>(c.GetArgument<string>("id")));

    private void AddJurisdictionsField() =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JurisdictionGraphType>>>, IReadOnlyList<Jurisdiction>>("jurisdictions")
            .Description($"全部行政区域，按名称排序，每次至多 {MaxListSize} 个 (all places, by name).")
            .Windowed(MaxListSize)
            .ResolveAsync(async c => ListWindow.Apply(c, (await Snapshot(c)).Places, MaxListSize));

    private void AddJurisdictionField() =>
        Field<JurisdictionGraphType, Jurisdiction?>("jurisdiction")
            .Description("按名称取行政区域，如 昆山市 (a place by name).")
            .Argument<NonNullGraphType<StringGraphType>>("name", "名称 (name).")
            .ResolveAsync(c => FindJurisdictionAsync(c, c.GetArgument<string>("name")));

    private void AddBodyField() =>
        Field<BodyGraphType, IDataLoaderResult<Body?>>("body")
            .Description("按 ID 取单位 (a body by id).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "稳定 ID (stable id).")
            .Resolve(c => GraphBatchLoader.Of(c).Node<Body>(c.GetArgument<string>("id")));

    private void AddBodiesField() =>
        Field<NonNullGraphType<ConnectionGraphType<BodyGraphType, Body>>, Connection<Body>>("bodies")
            .Description("单位列表，可按地区、规范职能、名称筛选，分页 (bodies, filtered and paged).")
            .Argument<StringGraphType>("jurisdiction", "行政区域名称 (place name).")
            .Argument<StringGraphType>("agencyType", "规范职能，如 应急管理 (canonical function).")
            .Argument<StringGraphType>("search", "名称包含的文字 (text the name contains).")
            .Argument<IntGraphType>("first", $"本页条数，默认 {Paging.DefaultFirst}，至多 {Paging.MaxFirst} (page size).")
            .Argument<StringGraphType>("after", "从此游标之后开始 (start after this cursor).")
            .ResolveAsync(async c =>
            {
                var paging = await Paging.FromAsync(c);
                var jurisdictionId = await OptionalJurisdictionIdAsync(c);
                var agencyType = c.GetArgument<string?>("agencyType");
                var search = c.GetArgument<string?>("search");
                // One place's bodies come from its graph in memory, and so do every place's once all are read; until
                // then, from the store's index.
                var snapshot = await Snapshot(c);
                if (jurisdictionId is not null && snapshot.PlaceById(jurisdictionId) is { } place)
                {
                    var graph = await snapshot.PlaceGraphAsync(place, c.CancellationToken);
                    var bodies = graph.FindBodies(agencyType, search, paging.Skip, paging.Take);
                    return new Connection<Body>(bodies.Items, bodies.TotalCount, paging.Skip);
                }
                if (jurisdictionId is null && snapshot.FindBodiesEverywhere(agencyType, search, paging.Skip, paging.Take) is { } everywhere)
                {
                    return new Connection<Body>(everywhere.Items, everywhere.TotalCount, paging.Skip);
                }
                var query = new NodeQuery(NodeLabel.Body, jurisdictionId, agencyType, search, paging.Skip, paging.Take);
                var page = await Store(c).FindNodesAsync(query, c.CancellationToken);
                return new Connection<Body>(page.Items.OfType<Body>().ToList(), page.TotalCount, paging.Skip);
            });

    private void AddSectorsField() =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectorGraphType>>>, IReadOnlyList<Sector>>("sectors")
            .Description("整个行业领域分类表，各带上下级 (the whole sector taxonomy).")
            .ResolveAsync(async c => (await Snapshot(c)).Taxonomy);

    private void AddLawsField() =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LawGraphType>>>, IReadOnlyList<Law>>("laws")
            .Description($"被引用的法律法规，可按标题筛选，至多 {MaxListSize} 条 (cited laws, optionally filtered by title).")
            .Argument<StringGraphType>("search", "标题包含的文字 (text the title contains).")
            .Windowed(MaxListSize)
            .ResolveAsync(async c =>
            {
                var (skip, take) = ListWindow.Of(c, MaxListSize);
                var page = await Store(c).FindNodesAsync(
                    new NodeQuery(NodeLabel.Law, NameContains: c.GetArgument<string?>("search"), Skip: skip, Take: take),
                    c.CancellationToken);
                return page.Items.OfType<Law>().ToList();
            });

    private void AddDutiesField() =>
        Field<NonNullGraphType<ConnectionGraphType<DutyGraphType, Duty>>, Connection<Duty>>("duties")
            .Description("职责条目中文全文检索（含两字词，如 燃气、消防），分页。指定地区时按相关度排序；不指定时逐地列出，每地之内按相关度排序 "
                + "(Chinese full-text search over duties: ranked in a place; everywhere, place by place, ranked within each).")
            .Argument<NonNullGraphType<StringGraphType>>("search",
                "检索词：空格分隔的词须全部出现（燃气 餐饮），行业领域的词也找其同义词（燃气 → 天然气、液化石油气），引号内为整句（\"燃气安全\"）；"
                + "命中位置见 edges.highlights (search text: all words required, a sector's word also finds its synonyms, quoted text is a phrase).")
            .Argument<StringGraphType>("jurisdiction", "行政区域名称 (place name).")
            .Argument<IntGraphType>("first", $"本页条数，默认 {Paging.DefaultFirst}，至多 {Paging.MaxFirst} (page size).")
            .Argument<StringGraphType>("after", "从此游标之后开始 (start after this cursor).")
            .ResolveAsync(async c =>
            {
                var paging = await Paging.FromAsync(c);
                var search = c.GetArgument<string>("search").Trim();
                RequireArgument(search.Length > 0, "search 不能为空 (search must not be empty).");
                var jurisdictionId = await OptionalJurisdictionIdAsync(c);
                // The request's snapshot, taken before the search rather than by the first duty's field that needs it:
                // the duties' documents and sectors then resolve at once from it, not in deferred batches.
                await Snapshot(c);
                // A sector's word also finds its synonyms (燃气: 天然气, 液化石油气); a quoted phrase is taken as written.
                var terms = SearchTerms.WithForms(SearchTerms.Parse(search), Service<TopicInterpreter>(c).FormsOf);
                var page = await Store(c).SearchAsync(
                    new TextQuery(search, NodeLabel.Duty, jurisdictionId, paging.Skip, paging.Take, terms),
                    c.CancellationToken);
                return new Connection<Duty>(page.Items.Select(h => h.Node).OfType<Duty>().ToList(), page.TotalCount, paging.Skip,
                    duty => SearchTerms.Spans(terms, duty.Text));
            });

    private void AddResponsibilitiesField() =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResponsibilityGraphType>>>, IReadOnlyList<Responsibility>>("responsibilities")
            .Description("谁对这些主题负责，逐地列出：每地之内一条职责覆盖全部主题的单位在前，其次几条职责合起来覆盖全部的，再次其余；"
                + "牵头先于配合先于负有相关职责；部门组与泛称在后；各附依据条款与角色依据。如 topics: [\"燃气\", \"餐饮\"] "
                + "(who is responsible for these topics, place by place, with evidence and the basis of each role).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("topics",
                $"主题：行业领域名称或同义词，或官员自己的说法（火锅店、学校食堂、饭店用液化气，按 interpret 读），各含其下级领域，至多 {MaxTopics} 个；"
                + "读不出任何行业领域的主题返回错误 UNKNOWN_TOPIC（extensions 带 word 与 suggestions），部分读懂时未读懂的词列在响应的 extensions.unknownWords "
                + "(sector names, synonyms or an officer's own words; a topic read as no sector is the error UNKNOWN_TOPIC).")
            .Argument<StringGraphType>("jurisdiction", "行政区域名称，不填为全部 (place name; all places when absent).")
            .Argument<IntGraphType>("perPlace",
                $"每地至多条数：不指定地区时默认 {ResponsibilityQuery.DefaultPerPlace}，指定地区时默认不限，至多 {MaxListSize} "
                + $"(answers per place: {ResponsibilityQuery.DefaultPerPlace} by default over all places, unbounded in one place).")
            .Argument<IntGraphType>("first",
                $"至多返回条数（逐地累计）：不指定地区时默认 {DefaultResponsibilities}，指定地区时默认 {MaxListSize}，至多 {MaxListSize}；"
                + $"取下一页用 offset (at most this many answers, counted over the places in order: {DefaultResponsibilities} by default over all "
                + $"places, {MaxListSize} in one place; ask the next page with offset).")
            .Argument<IntGraphType>("offset", "跳过前若干条，默认 0 (skip this many answers first; default 0).")
            .ResolveAsync(async c =>
            {
                var perPlace = c.GetArgument<int?>("perPlace");
                RequireArgument(perPlace is null or (>= 1 and <= MaxListSize),
                    $"perPlace 须在 1 到 {MaxListSize} 之间 (perPlace must be 1 to {MaxListSize}).");
                var topics = c.GetArgument<List<string>>("topics");
                RequireArgument(topics.Count is >= 1 and <= MaxTopics,
                    $"topics 须有 1 到 {MaxTopics} 个 (topics must have 1 to {MaxTopics} items).");
                var jurisdictionId = await OptionalJurisdictionIdAsync(c);
                var (skip, take) = ListWindow.Of(c, jurisdictionId is null ? DefaultResponsibilities : MaxListSize);
                return await Service<ResponsibilityQuery>(c).FindAsync(await Snapshot(c), ReadTopics(c, topics), jurisdictionId, perPlace, skip, take, c.CancellationToken);
            });

    private void AddCompareField() =>
        Field<NonNullGraphType<ComparisonGraphType>, Comparison>("compare")
            .Description("多地对照：每个行业领域一行，每地一格：谁牵头、谁配合 (a sectors × places matrix).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("jurisdictions",
                $"行政区域名称，按此顺序成列，至多 {MaxJurisdictions} 个 (place names, in column order).")
            .Argument<StringGraphType>("sector", "只比较此领域及其下级 (only this sector and its sub-sectors).")
            .ResolveAsync(async c =>
            {
                var names = c.GetArgument<List<string>>("jurisdictions");
                RequireArgument(names.Count is >= 1 and <= MaxJurisdictions,
                    $"jurisdictions 须有 1 到 {MaxJurisdictions} 个 (jurisdictions must have 1 to {MaxJurisdictions} items).");
                var places = new List<Jurisdiction>();
                foreach (var name in names)
                {
                    places.Add(await RequireJurisdictionAsync(c, name));
                }
                IReadOnlyList<Sector> sectors;
                var whole = c.GetArgument<string?>("sector") is null;
                if (c.GetArgument<string?>("sector") is { } sector)
                {
                    sectors = await (await Snapshot(c)).SectorClosureAsync(sector, c.CancellationToken);
                    if (sectors.Count == 0)
                    {
                        sectors = await ReadSectorAsync(c, sector);
                    }
                }
                else
                {
                    sectors = (await Snapshot(c)).Taxonomy;
                }
                // The whole taxonomy is a hundred sectors, most of them empty in any one place: only those covered there.
                return await Service<ComparisonQuery>(c).CompareAsync(await Snapshot(c), places, sectors, onlyCovered: whole, c.CancellationToken);
            });

    private void AddGapsField() =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SectorCoverageGraphType>>>, IReadOnlyList<SectorCoverage>>("gaps")
            .Description("某地的监管空白（有职责涉及但无牵头单位）与职能交叉（多个牵头单位），附依据 (sectors with no lead or several).")
            .Argument<NonNullGraphType<StringGraphType>>("jurisdiction", "行政区域名称 (place name).")
            .ResolveAsync(async c =>
            {
                var place = await RequireJurisdictionAsync(c, c.GetArgument<string>("jurisdiction"));
                return await Service<GapQuery>(c).FindAsync(await Snapshot(c), place.Id, c.CancellationToken);
            });

    private void AddInterpretField() =>
        Field<NonNullGraphType<InterpretationGraphType>, Interpretation>("interpret")
            .Description("把官员自己的说法读成行业领域，如 “饭店用液化气谁管？” → 餐饮、燃气；错字给出更正（燃汽 → 燃气），读不懂的词给出建议。"
                + "responsibilities 的主题也这样读 (what an officer's words are read as; the topics of responsibilities are read the same way).")
            .Argument<NonNullGraphType<StringGraphType>>("text", "问话或主题 (a question or topic in the officer's own words).")
            .Resolve(c => Service<TopicInterpreter>(c).Interpret(c.GetArgument<string>("text")));

    // The step where the topics of a question become sector sets: each topic read by the interpreter, each sector it
    // names one topic with its sub-sectors (学校食堂 asks about 餐饮 and 学校). A topic read as no sector is the
    // client's to fix: answering [] would read as "nobody is responsible". Words not understood beside understood
    // ones are reported in the response's extensions, not dropped in silence.
    private static List<AskedTopic> ReadTopics(IResolveFieldContext context, IEnumerable<string> topics)
    {
        var interpreter = Service<TopicInterpreter>(context);
        var sectors = new List<AskedTopic>();
        var unknown = new List<string>();
        foreach (var topic in topics)
        {
            var reading = interpreter.Interpret(topic);
            if (!reading.IsUnderstood)
            {
                throw RequestErrors.UnknownTopic(topic, reading.Suggestions.Count > 0 ? reading.Suggestions : interpreter.Suggest(topic));
            }
            sectors.AddRange(interpreter.TopicsOf(reading));
            unknown.AddRange(reading.Unknown);
        }
        if (unknown.Count > 0)
        {
            context.SetOutputExtension("unknownWords", unknown.Distinct().ToArray());
        }
        return sectors;
    }

    // A sector argument the taxonomy does not name exactly: an officer's word for exactly one sector is that
    // sector (火锅店 is 餐饮); anything else is not found, with the sectors it may have meant.
    private static async Task<IReadOnlyList<Sector>> ReadSectorAsync(IResolveFieldContext context, string name)
    {
        var interpreter = Service<TopicInterpreter>(context);
        var reading = interpreter.Interpret(name);
        if (reading.Sectors.Count == 1 && reading.Unknown.Count == 0)
        {
            return await (await Snapshot(context)).SectorClosureAsync(reading.Sectors[0].Name, context.CancellationToken);
        }
        var suggestions = reading.Sectors.Count > 1 ? reading.Sectors.Select(s => s.Name).ToList() : interpreter.Suggest(name);
        throw RequestErrors.NotFound($"没有名为“{name}”的行业领域 (no sector named {name}).", name, suggestions);
    }

    // The one place a request's arguments are checked against their bounds: a value out of bounds is the client's
    // to fix, so it is refused as INVALID_ARGUMENT before any store call, never clamped in silence.
    private static void RequireArgument(bool holds, string message)
    {
        if (!holds)
        {
            throw RequestErrors.InvalidArgument(message);
        }
    }

    // The optional jurisdiction argument as a place id: absent means every place; a name not known is NOT_FOUND.
    private static async Task<string?> OptionalJurisdictionIdAsync(IResolveFieldContext context) =>
        context.GetArgument<string?>("jurisdiction") is { } name ? (await RequireJurisdictionAsync(context, name)).Id : null;

    private static IGraphStore Store(IResolveFieldContext context) => Service<IGraphStore>(context);

    // The request's one content version: every field of a request reads the same snapshot.
    private static Task<ReadModel.Snapshot> Snapshot(IResolveFieldContext context) =>
        GraphBatchLoader.Of(context).SnapshotAsync(context.CancellationToken);

    private static T Service<T>(IResolveFieldContext context)
        where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    private static async Task<Jurisdiction?> FindJurisdictionAsync(IResolveFieldContext context, string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }
        // By exact name from the in-memory index of the current content version, not by scanning every place's name.
        return (await Snapshot(context)).Place(trimmed);
    }

    private static async Task<Jurisdiction> RequireJurisdictionAsync(IResolveFieldContext context, string name)
    {
        if (await FindJurisdictionAsync(context, name) is { } found)
        {
            return found;
        }
        // Suggestions: the places whose names share the most characters with it, beyond the level (市, 区, 镇).
        var places = (await Snapshot(context)).Places.Select(j => j.Name).ToList();
        var characters = name.Trim().Where(ch => !"省市区县镇乡村街道".Contains(ch)).ToHashSet();
        var suggestions = places
            .OrderByDescending(p => p.Distinct().Count(characters.Contains))
            .ThenBy(p => p, StringComparer.Ordinal)
            .Take(5)
            .ToList();
        throw RequestErrors.NotFound($"没有名为“{name}”的行政区域；已有：{string.Join("、", suggestions)} (no jurisdiction named {name}).", name, suggestions);
    }
}
