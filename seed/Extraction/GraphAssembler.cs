using System.Globalization;
using SafetyDuty.Graph.Model;
using SafetyDuty.Seed.Vocabulary;

namespace SafetyDuty.Seed.Extraction;

/// <summary>Turns the interpreted owners and duties into graph nodes with stable ids, and derives the relations:
/// COVERS, CITE, LEAD/ASSIST (from verbs, tags and tables, with evidence), MENTIONS, MEMBER_OF, HOSTED_BY.</summary>
internal sealed class GraphAssembler(
    Vocabularies vocabularies,
    DutyAnalyzer analyzer,
    DocumentMetadata metadata,
    string text,
    string fileName,
    string contentHash)
{
    private readonly string _jurisdictionId = StableId.Jurisdiction(metadata.Jurisdiction);
    private readonly Dictionary<(EdgeType, string, string), EdgeDraft> _edges = [];
    private readonly Dictionary<string, Body> _bodies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Law> _laws = new(StringComparer.Ordinal);
    private readonly List<(int Start, int End)> _basisSpans = [];
    private readonly Dictionary<string, Sector> _documentSectors = new(StringComparer.Ordinal);
    private int _mentionsResolved;
    private int _mentionsUnresolved;
    private string _documentId = "";

    private sealed class EdgeDraft(Provenance source)
    {
        public List<string> Evidence { get; } = [];

        public List<string> Scopes { get; } = [];

        public List<RoleBasis> Basis { get; } = [];

        public Provenance Source { get; } = source;
    }

    public DocumentGraph Assemble(OutlineInterpreter interpreter)
    {
        _documentId = StableId.Document(_jurisdictionId, metadata.Number ?? metadata.Title);
        var document = new Document(_documentId, metadata.Title, metadata.Number, metadata.Issuer, metadata.IssuedOn,
            metadata.Status, _jurisdictionId, fileName, contentHash);

        var owners = interpreter.Owners.ToList();
        var canonical = CanonicalOwners(owners);
        var leaders = new Dictionary<string, Leader>(StringComparer.Ordinal);
        foreach (var owner in owners.Where(o => canonical[o] == o))
        {
            var source = new Provenance(_documentId, owner.Locator ?? "", owner.Start, owner.Length);
            if (owner.Kind == OwnerKind.Leader)
            {
                leaders[owner.Name] = new Leader(StableId.Leader(_jurisdictionId, owner.Name), owner.Name, _jurisdictionId, source);
                continue;
            }

            var aliases = owners.Where(o => canonical[o] == owner && o != owner).Select(o => o.Name).Concat(owner.Aliases).Distinct().ToList();
            var group = owner.Kind == OwnerKind.Group || BodyNames.IsGenericSet(owner.Name);
            var kind = group ? BodyKind.Group : vocabularies.AgencyTypes.KindOf(owner.Name);
            var agencyType = group ? null : vocabularies.AgencyTypes.Resolve(owner.Name);
            _bodies[owner.Name] = new Body(StableId.Body(_jurisdictionId, owner.Name), owner.Name, kind, agencyType, _jurisdictionId, aliases, null, source);
        }

        // Hosts and group members are named as written elsewhere in the document; unknown members become bodies.
        foreach (var owner in owners.Where(o => canonical[o] == o && o.HostName is not null))
        {
            if (FindBody(owner.HostName!) is { } host)
            {
                _bodies[owner.Name] = _bodies[owner.Name] with { HostedById = host.Id };
            }
        }

        foreach (var group in owners.Where(o => o.Kind == OwnerKind.Group && o.MemberNames.Count > 0))
        {
            var groupBody = _bodies[canonical[group].Name];
            foreach (var name in group.MemberNames)
            {
                var member = FindBody(name) ?? AddBody(name, groupBody.Source);
                AddEdge(EdgeType.MemberOf, member.Id, groupBody.Id, null, null, groupBody.Source!);
            }
        }

        var duties = new List<Duty>();
        var perOwner = new Dictionary<DraftOwner, int>();
        var perLocator = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var draft in interpreter.Duties)
        {
            var owner = canonical[draft.Owner];
            var order = perOwner[owner] = perOwner.GetValueOrDefault(owner) + 1;
            var occurrence = perLocator[draft.Locator] = perLocator.GetValueOrDefault(draft.Locator) + 1;
            var ownerId = owner.Kind == OwnerKind.Leader ? leaders[owner.Name].Id : _bodies[owner.Name].Id;
            var source = new Provenance(_documentId, draft.Locator, draft.Start, draft.End - draft.Start);
            var duty = new Duty(StableId.Duty(_documentId, draft.Locator, occurrence), draft.Text, ownerId, _jurisdictionId, order, draft.IsCommon, source,
                draft.Accountability);
            duties.Add(duty);
            Relate(duty, draft, owner);
        }

        if (_bodies.TryGetValue(OutlineInterpreter.CommonGroupName, out var common))
        {
            foreach (var body in _bodies.Values.Where(b => b.Kind == BodyKind.Department).ToList())
            {
                AddEdge(EdgeType.MemberOf, body.Id, common.Id, null, null, common.Source!);
            }
        }

        CiteOutsideDuties(duties);

        var nodes = new List<GraphNode> { new Jurisdiction(_jurisdictionId, metadata.Jurisdiction, metadata.Level), document };
        nodes.AddRange(_bodies.Values.OrderBy(b => b.Source?.Start ?? 0).ThenBy(b => b.Id, StringComparer.Ordinal));
        nodes.AddRange(leaders.Values.OrderBy(l => l.Source?.Start ?? 0));
        nodes.AddRange(duties);
        nodes.AddRange(_laws.Values.OrderBy(l => l.Id, StringComparer.Ordinal));
        nodes.AddRange(_documentSectors.Values.OrderBy(s => s.Id, StringComparer.Ordinal));
        var edges = _edges.Select(e => new GraphEdge(e.Key.Item1, e.Key.Item2, e.Key.Item3, e.Value.Evidence,
                e.Value.Scopes.Count == 0 ? null : string.Join("；", e.Value.Scopes), e.Value.Source)
        { Basis = e.Value.Basis })
            .ToList();
        return new DocumentGraph(document, text, nodes, edges);
    }

    public QualityReport Report(DocumentGraph graph, IReadOnlyList<UnattributedLine> unattributed, IReadOnlyList<string> readerWarnings)
    {
        var bodies = graph.Nodes.OfType<Body>().ToList();
        var duties = graph.Nodes.OfType<Duty>().ToList();
        var covered = graph.Edges.Where(e => e.Type == EdgeType.Covers).Select(e => e.FromId).ToHashSet(StringComparer.Ordinal);
        var warnings = readerWarnings.ToList();
        warnings.AddRange(bodies.Where(b => b.Kind != BodyKind.Group && b.AgencyType is null)
            .Select(b => $"单位“{b.Name}”的机构类型未知 (unknown agency type)"));
        foreach (var sector in graph.Nodes.OfType<Sector>().Where(s => !s.IsReviewed))
        {
            var parent = sector.ParentId is null ? null : vocabularies.Sectors.Sectors.FirstOrDefault(s => s.Id == sector.ParentId)?.Name;
            warnings.Add($"行业领域“{sector.Name}”不在分类表中，按文件所写新建，待审核 (document sector, not reviewed)：见“{sector.NamedBy}”"
                + (parent is null ? "" : $"，归入“{parent}”"));
        }

        var uncovered = duties.Where(d => !covered.Contains(d.Id)).ToList();
        if (uncovered.Count > 0)
        {
            warnings.Add($"{uncovered.Count} 条职责未识别出行业领域 (duties with no sector)：" + string.Join("、", uncovered.Take(20).Select(d => d.Locator)) + (uncovered.Count > 20 ? " …" : ""));
        }

        return new QualityReport(
            graph.Document.SourceFile,
            graph.Document.Title,
            metadata.Jurisdiction,
            bodies.Count,
            graph.Nodes.OfType<Leader>().Count(),
            duties.Count,
            duties.Count(d => d.IsCommon),
            graph.Nodes.OfType<Law>().Count(),
            graph.Edges.Where(e => e.Type == EdgeType.Covers).Select(e => e.ToId).Distinct().Count(),
            graph.Edges.Count(e => e.Type == EdgeType.Lead),
            graph.Edges.Count(e => e.Type == EdgeType.Assist),
            _mentionsResolved,
            _mentionsUnresolved,
            unattributed,
            warnings);
    }

    // A law cited outside every duty (根据《…》 in the preamble or the general provisions) is the document's own
    // citation: Document → CITE. A citation of the document itself (its title quotes it) is not a law it relies on.
    private void CiteOutsideDuties(List<Duty> duties)
    {
        foreach (var citation in vocabularies.Laws.FindCitations(text))
        {
            var insideDuty = duties.Exists(d => citation.Start >= d.Source.Start && citation.Start < d.Source.Start + d.Source.Length)
                || _basisSpans.Exists(b => citation.Start >= b.Start && citation.Start < b.End);
            if (insideDuty || metadata.Title.Contains(citation.CitedTitle, StringComparison.Ordinal))
            {
                continue;
            }

            _laws.TryAdd(citation.Law.Id, citation.Law);
            var line = text.AsSpan(0, citation.Start).Count('\n') + 1;
            var locator = string.Create(CultureInfo.InvariantCulture, $"第{line}行");
            AddEdge(EdgeType.Cite, _documentId, citation.Law.Id, null, null, new Provenance(_documentId, locator, citation.Start, citation.Length));
        }
    }

    private void Relate(Duty duty, DraftDuty draft, DraftOwner owner)
    {
        var analysis = analyzer.Analyze(draft.Text);
        foreach (var role in analysis.Sectors)
        {
            AddEdge(EdgeType.Covers, duty.Id, role.Match.Sector.Id, null, null, duty.Source);
            if (owner.Kind == OwnerKind.Body && draft.StatedRoles.Count == 0 && role.Role != DutyRole.Covers)
            {
                AddEdge(role.Role == DutyRole.Lead ? EdgeType.Lead : EdgeType.Assist, duty.OwnerId, role.Match.Sector.Id, duty.Id, null, duty.Source,
                    new RoleBasis(duty.Id, RoleBasisKind.Verb, role.Clause));
            }
        }

        foreach (var citation in analysis.Laws)
        {
            _laws.TryAdd(citation.Law.Id, citation.Law);
            AddEdge(EdgeType.Cite, duty.Id, citation.Law.Id, null, null, duty.Source);
        }

        // A table's 依据 cell: what the duty rests on, cited from outside its text.
        foreach (var part in draft.Basis)
        {
            _basisSpans.Add((part.Start, part.End));
            foreach (var citation in vocabularies.Laws.FindCitations(part.Text))
            {
                _laws.TryAdd(citation.Law.Id, citation.Law);
                AddEdge(EdgeType.Cite, duty.Id, citation.Law.Id, null, null, duty.Source);
            }
        }

        foreach (var mention in analysis.Mentions)
        {
            var targets = ResolveMention(mention.Text).Where(b => b.Id != duty.OwnerId).ToList();
            if (targets.Count == 0)
            {
                _mentionsUnresolved++;
                continue;
            }

            _mentionsResolved++;
            foreach (var target in targets)
            {
                AddEdge(EdgeType.Mentions, duty.Id, target.Id, null, null, duty.Source);
            }
        }

        if (draft.StatedRoles.Count == 0)
        {
            return;
        }

        var sectors = draft.SectorText is null
            ? analysis.Sectors.Select(s => s.Match.Sector).ToList()
            : NamedSectors(draft.SectorText);
        foreach (var sector in sectors.DistinctBy(s => s.Id))
        {
            AddEdge(EdgeType.Covers, duty.Id, sector.Id, null, null, duty.Source);
            foreach (var role in draft.StatedRoles)
            {
                var body = FindBody(role.Body) ?? AddBody(role.Body, duty.Source);
                AddEdge(role.IsLead ? EdgeType.Lead : EdgeType.Assist, body.Id, sector.Id, duty.Id, role.Scope, duty.Source,
                    new RoleBasis(duty.Id, role.Basis, role.Quote));
            }
        }

        // A 配合单位 cell's scope is the assisting body's own words (住建部门：负责燃气安全管理): what it names, the body
        // assists on too — the column, not the verb in the cell, says how it takes part.
        if (draft.SectorText is null)
        {
            return;
        }

        foreach (var role in draft.StatedRoles.Where(r => !r.IsLead && r.Basis == RoleBasisKind.TableColumn && r.Scope is not null))
        {
            var body = FindBody(role.Body) ?? AddBody(role.Body, duty.Source);
            foreach (var sector in analysis.Sectors.Select(s => s.Match.Sector).Where(s => !sectors.Exists(n => n.Id == s.Id)).DistinctBy(s => s.Id))
            {
                AddEdge(EdgeType.Assist, body.Id, sector.Id, duty.Id, role.Scope, duty.Source, new RoleBasis(duty.Id, role.Basis, role.Quote));
            }
        }
    }

    /// <summary>The sectors a heading or table cell names. A bracket right after a sector term describes that term
    /// ("城市商业综合体（融合商业零售、超市、电影院、娱乐、餐饮…为一体的城市经济聚集体）"): what it lists are not
    /// further sectors of the row.</summary>
    private List<Sector> NamedSectors(string sectorText)
    {
        var matches = vocabularies.Sectors.FindIn(sectorText);
        if (DocumentSectorName(sectorText, matches) is { } name)
        {
            return [DocumentSector(name, sectorText)];
        }

        var described = new List<(int Start, int End)>();
        foreach (var match in matches)
        {
            var open = match.Start + match.Length;
            if (open < sectorText.Length && sectorText[open] is '（' or '(')
            {
                var close = sectorText.IndexOfAny(['）', ')'], open);
                described.Add((open, close < 0 ? sectorText.Length : close));
            }
        }

        return matches.Where(m => !described.Exists(d => d.Start < m.Start && m.Start < d.End)).Select(m => m.Sector).ToList();
    }

    /// <summary>The name of a sector the taxonomy does not hold, when a heading or cell names one sector by a short name
    /// ("露营地", "宠物医院") that is no term of the taxonomy, nor a term with a generic word after it (燃气行业, 危险化学品
    /// 安全). A list of sectors (网约车、顺风车…) or a described one names known sectors; those are read as before.</summary>
    private static string? DocumentSectorName(string sectorText, IReadOnlyList<SectorMatch> matches)
    {
        var name = sectorText.Trim().TrimEnd('。', '；', '：', ':');
        if (name.Length < 2 || name.Length > 16 || name.AsSpan().IndexOfAny(ListPunctuation) >= 0)
        {
            return null;
        }

        foreach (var match in matches)
        {
            if (match.Start == 0 && (match.Length == name.Length || GenericTail.Contains(name[match.Length..])))
            {
                return null;
            }
        }

        return name;
    }

    private static readonly System.Buffers.SearchValues<char> ListPunctuation = System.Buffers.SearchValues.Create("、，,；;（()）。：:\n ");

    private static readonly HashSet<string> GenericTail = new(["行业", "领域", "安全", "安全监管", "安全管理", "监管", "行业安全", "领域安全", "企业", "单位"], StringComparer.Ordinal);

    // A document sector hangs under the most specific reviewed sector whose term occurs in its name (宠物医院 under
    // 医疗机构 by 医院), so asking for the reviewed sector finds it too.
    private Sector DocumentSector(string name, string namedBy)
    {
        var id = StableId.DocumentSector(_documentId, name);
        if (!_documentSectors.TryGetValue(id, out var sector))
        {
            var parent = vocabularies.Sectors.FindIn(name).OrderByDescending(m => m.Length).Select(m => m.Sector).FirstOrDefault();
            sector = new Sector(id, name, parent?.Facet ?? SectorTaxonomy.VenueFacet, parent?.Id, [], namedBy);
            _documentSectors[id] = sector;
        }

        return sector;
    }

    private List<Body> ResolveMention(string mention)
    {
        if (FindBody(mention) is { } named)
        {
            return [named];
        }

        var types = vocabularies.AgencyTypes.ResolveMention(mention);
        return _bodies.Values.Where(b => b.AgencyType is not null && types.Contains(b.AgencyType)).ToList();
    }

    private Body? FindBody(string name)
    {
        if (_bodies.TryGetValue(name, out var exact))
        {
            return exact;
        }

        var aliased = _bodies.Values.Where(b => b.Aliases.Contains(name)).ToList();
        if (aliased.Count == 1)
        {
            return aliased[0];
        }

        var abbreviated = _bodies.Values.Where(b => BodyNames.Abbreviates(name, b.Name)).ToList();
        return abbreviated.Count == 1 ? abbreviated[0] : null;
    }

    private Body AddBody(string name, Provenance? source)
    {
        // 各乡镇（街道）, 各成员单位, 各行业监管部门: a party standing for many bodies is a group, of no one agency type.
        var group = BodyNames.IsGenericSet(name);
        var body = new Body(StableId.Body(_jurisdictionId, name), name, group ? BodyKind.Group : vocabularies.AgencyTypes.KindOf(name),
            group ? null : vocabularies.AgencyTypes.Resolve(name), _jurisdictionId, [], null, source);
        _bodies[name] = body;
        return body;
    }

    // Owners named only in tables and tags ("区商管中心") are the bodies their headings name in full, when the
    // abbreviation or alias is unambiguous.
    private Dictionary<DraftOwner, DraftOwner> CanonicalOwners(List<DraftOwner> owners)
    {
        var map = owners.ToDictionary(o => o, o => o);
        var headed = owners.Where(o => o.Locator is not null && o.Kind == OwnerKind.Body).ToList();
        foreach (var owner in owners.Where(o => o.Locator is null && o.Kind == OwnerKind.Body))
        {
            var candidates = headed.Where(h => h.Aliases.Contains(owner.Name) || BodyNames.Abbreviates(owner.Name, h.Name)).ToList();
            if (candidates.Count == 1)
            {
                map[owner] = candidates[0];
            }
        }

        // One body written two ways in one document (交通部门 in one row, 交通运输部门 in another; 应急部门 and
        // 应急管理部门): a short name that abbreviates exactly one longer name of the same agency type is that body,
        // known by the longer name. Different agencies never merge (旅游部门 and 文体旅游部门 differ at the start).
        var bodies = owners.Where(o => o.Kind == OwnerKind.Body && map[o] == o)
            .Select(o => (Owner: o, Type: vocabularies.AgencyTypes.Resolve(o.Name)))
            .Where(o => o.Type is not null)
            .ToList();
        foreach (var (owner, type) in bodies)
        {
            var longer = bodies.Where(b => b.Type == type && b.Owner.Name != owner.Name && BodyNames.Abbreviates(owner.Name, b.Owner.Name))
                .Select(b => b.Owner.Name).Distinct().ToList();
            if (longer.Count == 1)
            {
                var target = bodies.First(b => b.Owner.Name == longer[0]).Owner;
                foreach (var same in owners.Where(o => map[o] == owner))
                {
                    map[same] = target;
                }
            }
        }

        // A chain (a → b → c) ends at the name nothing else replaces.
        foreach (var owner in owners)
        {
            while (map[map[owner]] != map[owner])
            {
                map[owner] = map[map[owner]];
            }
        }

        return map;
    }

    private void AddEdge(EdgeType type, string from, string to, string? evidence, string? scope, Provenance source, RoleBasis? basis = null)
    {
        if (!_edges.TryGetValue((type, from, to), out var edge))
        {
            edge = new EdgeDraft(source);
            _edges.Add((type, from, to), edge);
        }

        if (evidence is not null && !edge.Evidence.Contains(evidence))
        {
            edge.Evidence.Add(evidence);
        }

        if (scope is not null && !edge.Scopes.Contains(scope))
        {
            edge.Scopes.Add(scope);
        }

        if (basis is not null && !edge.Basis.Contains(basis))
        {
            edge.Basis.Add(basis);
        }
    }
}
