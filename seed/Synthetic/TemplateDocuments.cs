using System.Security.Cryptography;
using System.Text;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Seed.Synthetic;

// Template duty lists of a realistic shape, built in code: a prefecture-level city with about 40 bodies (departments,
// party organs, a committee and its office hosted by the safety bureau, mass organisations, enterprises), four
// leaders, about 400 duties that lead, assist, cover sectors, mention other bodies and cite laws. They stand in for
// the seeds' shapes so that benchmarks and crash tests do not depend on the reader.
public static class TemplateDocuments
{
    public const string TemplatePlace = "模板市";

    private static readonly (string Name, string? AgencyType, BodyKind Kind)[] Bodies =
    [
        ("市安委会", "应急管理", BodyKind.Committee),
        ("市安委会办公室", "应急管理", BodyKind.CommitteeOffice),
        ("市应急管理局", "应急管理", BodyKind.Department),
        ("市公安局", "公安", BodyKind.Department),
        ("市住房和城乡建设局", "住房和城乡建设", BodyKind.Department),
        ("市市场监督管理局", "市场监督管理", BodyKind.Department),
        ("市商务局", "商务", BodyKind.Department),
        ("市交通运输局", "交通运输", BodyKind.Department),
        ("市教育局", "教育", BodyKind.Department),
        ("市卫生健康委员会", "卫生健康", BodyKind.Department),
        ("市文化广电和旅游局", "文化和旅游", BodyKind.Department),
        ("市农业农村局", "农业农村", BodyKind.Department),
        ("市水利局", "水利", BodyKind.Department),
        ("市自然资源和规划局", "自然资源", BodyKind.Department),
        ("市生态环境局", "生态环境", BodyKind.Department),
        ("市城市管理局", "城市管理", BodyKind.Department),
        ("市消防救援支队", "消防救援", BodyKind.Department),
        ("市民政局", "民政", BodyKind.Department),
        ("市人力资源和社会保障局", "人力资源和社会保障", BodyKind.Department),
        ("市工业和信息化局", "工业和信息化", BodyKind.Department),
        ("市发展和改革委员会", "发展和改革", BodyKind.Department),
        ("市财政局", "财政", BodyKind.Department),
        ("市民族宗教事务局", "民族宗教", BodyKind.Department),
        ("市体育局", "体育", BodyKind.Department),
        ("市气象局", "气象", BodyKind.Department),
        ("市邮政管理局", "邮政管理", BodyKind.Department),
        ("市国有资产监督管理委员会", "国有资产监督管理", BodyKind.Department),
        ("市林业局", "林业", BodyKind.Department),
        ("市司法局", "司法行政", BodyKind.Department),
        ("市通信管理办公室", "通信管理", BodyKind.Department),
        ("市委宣传部", "宣传", BodyKind.PartyOrgan),
        ("市委组织部", "组织", BodyKind.PartyOrgan),
        ("市总工会", "工会", BodyKind.MassOrganisation),
        ("团市委", "共青团", BodyKind.MassOrganisation),
        ("市妇联", "妇联", BodyKind.MassOrganisation),
        ("市人民武装部", "军事", BodyKind.Military),
        ("市人民检察院", "检察", BodyKind.Judicial),
        ("市供电公司", "电力", BodyKind.Enterprise),
        ("市燃气集团", "燃气", BodyKind.Enterprise),
        ("各有关部门", null, BodyKind.Group),
    ];

    private static readonly string[] Leaders = ["市委书记", "市长", "常务副市长", "分管安全生产的副市长"];

    private static readonly (string Cited, string Canonical, string Level)[] Laws =
    [
        ("安全生产法", "中华人民共和国安全生产法", "national-law"),
        ("消防法", "中华人民共和国消防法", "national-law"),
        ("特种设备安全法", "中华人民共和国特种设备安全法", "national-law"),
        ("道路交通安全法", "中华人民共和国道路交通安全法", "national-law"),
        ("职业病防治法", "中华人民共和国职业病防治法", "national-law"),
        ("食品安全法", "中华人民共和国食品安全法", "national-law"),
        ("城镇燃气管理条例", "城镇燃气管理条例", "administrative-regulation"),
        ("危险化学品安全管理条例", "危险化学品安全管理条例", "administrative-regulation"),
        ("建设工程安全生产管理条例", "建设工程安全生产管理条例", "administrative-regulation"),
        ("生产安全事故应急条例", "生产安全事故应急条例", "administrative-regulation"),
        ("烟花爆竹安全管理条例", "烟花爆竹安全管理条例", "administrative-regulation"),
        ("民用爆炸物品安全管理条例", "民用爆炸物品安全管理条例", "administrative-regulation"),
        ("地方党政领导干部安全生产责任制规定", "地方党政领导干部安全生产责任制规定", "normative-document"),
        ("安全生产条例", "省安全生产条例", "local-regulation"),
    ];

    private static readonly string[] Fillers =
    [
        "建立健全安全生产责任制，加强日常监督检查，及时消除事故隐患。",
        "组织开展安全生产宣传教育和培训，提高从业人员安全意识。",
        "依法组织或者参与生产安全事故调查处理，督促落实整改措施。",
        "制定并组织实施本行业领域安全生产专项整治方案。",
        "指导督促企业开展风险辨识评估和隐患排查治理。",
    ];

    // Five templates, like the five seeds: the same kinds of content, different assignments of sectors.
    public static IReadOnlyList<DocumentGraph> Build(IReadOnlyList<Sector> taxonomy) =>
        [.. Enumerable.Range(0, 5).Select(variant => Build(variant, taxonomy))];

    public static DocumentGraph Build(int variant, IReadOnlyList<Sector> taxonomy)
    {
        var random = new Random(variant + 1);
        var place = new Jurisdiction(StableId.Jurisdiction(TemplatePlace), TemplatePlace, "prefecture");
        var title = $"{TemplatePlace}安全生产工作职责规定（模板{variant + 1}）";
        var number = $"模政发〔{2017 + variant}〕{11 + variant}号";
        var documentId = StableId.Document(place.Id, number);
        var text = new StringBuilder(title).Append('\n');
        var nodes = new List<GraphNode> { place };
        var edges = new List<GraphEdge>();

        var laws = Laws.Select(l => new Law(StableId.Law(l.Canonical), l.Cited, l.Canonical, l.Level)).ToList();
        nodes.AddRange(laws);

        var bodyIds = Bodies.Select(b => StableId.Body(place.Id, b.Name)).ToList();
        var safetyBureau = bodyIds[2];
        var owners = new List<(string Id, string Name, GraphNode? Node)>();
        for (var i = 0; i < Bodies.Length; i++)
        {
            var (name, agencyType, kind) = Bodies[i];
            var heading = Heading(text, documentId, $"第{Numerals(i + 1)}条", name);
            var host = kind == BodyKind.CommitteeOffice ? safetyBureau : null;
            var body = new Body(bodyIds[i], name, kind, agencyType, place.Id, [], host, heading);
            nodes.Add(body);
            owners.Add((body.Id, name, null));
            AddDuties(body.Id, name, i, 9 + random.Next(4));
        }

        for (var i = 0; i < Leaders.Length; i++)
        {
            var heading = Heading(text, documentId, $"领导职责{Numerals(i + 1)}", Leaders[i]);
            var leader = new Leader(StableId.Leader(place.Id, Leaders[i]), Leaders[i], place.Id, heading);
            nodes.Add(leader);
            AddDuties(leader.Id, Leaders[i], -1, 5);
        }

        var document = new Document(documentId, title, number, $"{TemplatePlace}人民政府", $"{2017 + variant}-07-12",
            DocumentStatus.InForce, place.Id, $"template-{variant + 1}.txt", Hash(text.ToString()));
        return new DocumentGraph(document, text.ToString(), nodes, edges);

        void AddDuties(string ownerId, string ownerName, int bodyIndex, int count)
        {
            for (var order = 1; order <= count; order++)
            {
                var sector = taxonomy[random.Next(taxonomy.Count)];
                var law = laws[random.Next(laws.Count)];
                var other = random.Next(Bodies.Length - 1);
                var otherName = Bodies[other].Name;
                var filler = Fillers[random.Next(Fillers.Length)];
                var (sentence, role) = (order, random.Next(4)) switch
                {
                    (1, _) when bodyIndex >= 0 => ($"负责{sector.Name}行业领域安全生产监督管理，依照《{law.Title}》开展执法检查。", EdgeType.Lead),
                    (_, 0) => ($"配合{otherName}做好{sector.Name}安全监督管理工作。", EdgeType.Assist),
                    (_, 1) => ($"会同{otherName}督促{sector.Name}经营单位落实安全生产主体责任。", EdgeType.Assist),
                    (_, 2) => ($"牵头组织{sector.Name}领域安全隐患排查整治，依照《{law.Title}》查处违法行为。", EdgeType.Lead),
                    _ => ($"指导{sector.Name}相关企业加强安全管理。", EdgeType.Covers),
                };
                var dutyText = $"（{Numerals(order)}）{sentence}{filler}";
                var locator = $"{ownerName}（{Numerals(order)}）";
                var source = Append(text, documentId, locator, dutyText);
                var duty = new Duty(StableId.Duty(documentId, locator, order), dutyText, ownerId, place.Id, order, false, source);
                nodes.Add(duty);
                edges.Add(new GraphEdge(EdgeType.Covers, duty.Id, sector.Id, [], null, source));
                if (role != EdgeType.Covers && bodyIndex >= 0)
                {
                    edges.Add(new GraphEdge(role, ownerId, sector.Id, [duty.Id], null, source));
                }

                if (sentence.Contains(otherName, StringComparison.Ordinal))
                {
                    edges.Add(new GraphEdge(EdgeType.Mentions, duty.Id, bodyIds[other], [], null, source));
                }

                if (sentence.Contains('《'))
                {
                    edges.Add(new GraphEdge(EdgeType.Cite, duty.Id, law.Id, [], null, source));
                }
            }
        }
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static Provenance Heading(StringBuilder text, string documentId, string locator, string name) =>
        Append(text, documentId, locator, $"{locator}　{name}：");

    private static Provenance Append(StringBuilder text, string documentId, string locator, string line)
    {
        var start = text.Length;
        text.Append(line).Append('\n');
        return new Provenance(documentId, locator, start, line.Length);
    }

    private static string Numerals(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        return n switch
        {
            < 10 => digits[n],
            10 => "十",
            < 20 => "十" + digits[n % 10],
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]),
        };
    }
}
