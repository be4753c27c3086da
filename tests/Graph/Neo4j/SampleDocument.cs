using SafetyDuty.Graph.Model;

namespace SafetyDuty.Tests.Graph.Neo4j;

/// <summary>A small document graph with a node of every label a document yields (sectors come from the taxonomy)
/// and an edge of every type read from documents,
/// shaped like 昆山市's regulation. Names can be replaced to carry hostile text.</summary>
public static class SampleDocument
{
    public static IReadOnlyList<Sector> Taxonomy(string gas = "燃气") =>
    [
        new Sector(StableId.Sector(gas), gas, "hazard", null, ["天然气", "液化石油气"]),
        new Sector(StableId.Sector("城镇燃气"), "城镇燃气", "hazard", StableId.Sector(gas), ["管道燃气"]),
        new Sector(StableId.Sector("餐饮"), "餐饮", "venue", null, ["餐饮服务", "饭店"]),
    ];

    public static DocumentGraph Build(string place = "昆山市", string bodyName = "市商务局", string dutyText = "督促餐饮企业与供气单位签订安全供用气合同。")
    {
        var j = new Jurisdiction(StableId.Jurisdiction(place), place, "county");
        var documentId = StableId.Document(j.Id, "昆政发〔2017〕41号");
        var text = "第七条 市商务局：（一）" + dutyText + "依据《安全生产法》。";
        var document = new Document(documentId, "昆山市政府有关部门和单位安全生产工作职责规定", "昆政发〔2017〕41号", "昆山市人民政府",
            "2017-07-12", DocumentStatus.InForce, j.Id, "000_0739468ef9d9daad.txt", "sha256:abc");
        var where = new Provenance(documentId, "第七条（一）", 12, dutyText.Length);
        var safety = new Body(StableId.Body(j.Id, "市安全监管局"), "市安全监管局", BodyKind.Department, "应急管理", j.Id, ["安监局"], null, where);
        var office = new Body(StableId.Body(j.Id, "市安委会办公室"), "市安委会办公室", BodyKind.CommitteeOffice, null, j.Id, [], safety.Id, where);
        var commerce = new Body(StableId.Body(j.Id, bodyName), bodyName, BodyKind.Department, "商务", j.Id, [], null, where);
        var group = new Body(StableId.Body(j.Id, "各部门"), "各部门", BodyKind.Group, null, j.Id, [], null, null);
        var mayor = new Leader(StableId.Leader(j.Id, "市长"), "市长", j.Id, where);
        var duty = new Duty(StableId.Duty(documentId, "第七条（一）", 1), dutyText, commerce.Id, j.Id, 1, false, where);
        var leaderDuty = new Duty(StableId.Duty(documentId, "第五条", 1), "全面领导本市安全生产工作。", mayor.Id, j.Id, 1, false, where with { Locator = "第五条" });
        var law = new Law(StableId.Law("中华人民共和国安全生产法"), "安全生产法", "中华人民共和国安全生产法", "national-law");
        var gas = StableId.Sector("燃气");
        var food = StableId.Sector("餐饮");
        return new DocumentGraph(
            document,
            text,
            [j, safety, office, commerce, group, mayor, duty, leaderDuty, law],
            [
                new GraphEdge(EdgeType.Lead, commerce.Id, food, [duty.Id], null, where),
                new GraphEdge(EdgeType.Assist, commerce.Id, gas, [duty.Id], "安全供用气合同", where)
                {
                    Basis = [new RoleBasis(duty.Id, RoleBasisKind.Verb, dutyText)],
                },
                new GraphEdge(EdgeType.Cite, duty.Id, law.Id, [], null, where),
                new GraphEdge(EdgeType.Covers, duty.Id, gas, [], null, where),
                new GraphEdge(EdgeType.Covers, duty.Id, food, [], null, where),
                new GraphEdge(EdgeType.Mentions, duty.Id, safety.Id, [], null, where),
                new GraphEdge(EdgeType.MemberOf, commerce.Id, group.Id, [], null, where),
            ]);
    }
}
