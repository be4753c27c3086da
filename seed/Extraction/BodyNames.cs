using System.Text.RegularExpressions;

namespace SafetyDuty.Seed.Extraction;

/// <summary>How the documents name bodies and leaders: suffixes, aliases and hosts in brackets, lists of names.</summary>
internal static partial class BodyNames
{
    /// <summary>The name a duty heading gives: "区安委会办公室（设在区应急管理局）职责" → name 区安委会办公室, host
    /// 区应急管理局; "区安全生产委员会（以下简称区安委会）职责" → alias 区安委会.</summary>
    public static (string Name, List<string> Aliases, string? Host) FromHeading(string heading)
    {
        var text = heading.Trim().TrimEnd('。', '：', ':', ' ');
        var m = Performs().Match(text);
        if (m.Success)
        {
            text = m.Groups[1].Value;
        }
        else
        {
            var comma = text.IndexOf("，其", StringComparison.Ordinal);
            if (comma > 0)
            {
                text = text[..comma];
            }

            text = DutySuffix().Replace(text, "");
        }

        text = text.TrimEnd('的', ' ');
        var aliases = new List<string>();
        string? host = null;
        text = AliasNote().Replace(text, a =>
        {
            aliases.Add(a.Groups[1].Value.Trim());
            return "";
        });
        text = HostNote().Replace(text, h =>
        {
            host = h.Groups[1].Value.Trim();
            return "";
        });
        // "市民委（市宗教局）", "市城市管理局（城市综合执法局）": a second name of the same body.
        var second = TrailingBracket().Match(text);
        if (second.Success && second.Groups[1].Value.Length >= 3 && HasBodySuffix(second.Groups[1].Value) && HasBodySuffix(text[..second.Index]))
        {
            aliases.Add(second.Groups[1].Value);
            text = text[..second.Index];
        }

        return (text.Trim(), aliases, host);
    }

    public static bool IsLeader(string name) => LeaderWord().IsMatch(name);

    /// <summary>The owner a line names before its colon ("镇长：…", "派出所：…", "村（社区）两委：…"); null when the words
    /// before the colon name no leader or body, or name a field (牵头单位：, 主要职责：).</summary>
    public static string? NameLine(string line)
    {
        var m = NameBeforeColon().Match(line);
        if (!m.Success || FieldName().IsMatch(m.Groups[1].Value))
        {
            return null;
        }

        var name = m.Groups[1].Value;
        return IsLeader(name) || HasBodySuffix(name) ? name : null;
    }

    public static bool HasBodySuffix(string name) => BodySuffix().IsMatch(TrailingBracket().Replace(name, ""));

    public static bool IsGenericSet(string name) => GenericSet().IsMatch(name);

    /// <summary>A leader or body named at the start of a sentence that is its own duty:
    /// "镇其他党政领导班子成员按照职责分工…" → 镇其他党政领导班子成员.</summary>
    public static string? LeaderSubject(string sentence)
    {
        var m = LeaderSubjectPattern().Match(sentence);
        return m.Success ? m.Groups[1].Value : null;
    }

    public static string? BodySubject(string sentence)
    {
        var m = BodySubjectPattern().Match(sentence);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>Splits a list of bodies: "住建、水利、交通等部门" → 住建部门, 水利部门, 交通部门.</summary>
    public static List<string> SplitList(string text)
    {
        var parts = ListSeparator().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count == 0)
        {
            return parts;
        }

        var last = EtcSuffix().Match(parts[^1]);
        if (last.Success)
        {
            parts[^1] = last.Groups[1].Value + last.Groups[2].Value;
            for (var i = 0; i < parts.Count - 1; i++)
            {
                if (!HasBodySuffix(parts[i]))
                {
                    parts[i] += last.Groups[2].Value;
                }
            }
        }

        return parts;
    }

    /// <summary>True when <paramref name="shortName"/> abbreviates <paramref name="fullName"/> the Chinese way: its
    /// characters appear in order, first and last the same (区商管中心 → 区商贸企业管理中心).</summary>
    public static bool Abbreviates(string shortName, string fullName)
    {
        if (shortName.Length < 4 || shortName.Length >= fullName.Length || shortName[0] != fullName[0] || shortName[^1] != fullName[^1])
        {
            return false;
        }

        var j = 0;
        foreach (var c in fullName)
        {
            if (j < shortName.Length && c == shortName[j])
            {
                j++;
            }
        }

        return j == shortName.Length;
    }

    /// <summary>Repairs conversion artifacts in a duty's text: a stray " and " for 和, the traditional 員.</summary>
    public static string Clean(string text) =>
        (text.Contains("and", StringComparison.Ordinal) ? StrayAnd().Replace(text, "和") : text).Replace('員', '员').Trim();

    [GeneratedRegex(@"^(.+?)(?:还|应当|要|应)?履行(?:以下|下列|如下)")]
    private static partial Regex Performs();

    [GeneratedRegex(@"(?:的)?(?:安全生产|安全监管|安全)?(?:监管|监督管理|工作|监督)?(?:职责|责任)(?:包括|主要包括|如下|为)?$")]
    private static partial Regex DutySuffix();

    [GeneratedRegex(@"[（(]以下简称[“""]?([^）)”""]+)[”""]?[）)]")]
    private static partial Regex AliasNote();

    [GeneratedRegex(@"[（(](?:设在|设于|挂靠)([^）)]+)[）)]")]
    private static partial Regex HostNote();

    [GeneratedRegex(@"[（(]([^（()）]+)[）)]$")]
    private static partial Regex TrailingBracket();

    [GeneratedRegex(@"(负责人|负责同志|书记|镇长|乡长|区长|县长|市长|主任|领导干部|班子成员|副职)")]
    private static partial Regex LeaderWord();

    [GeneratedRegex(@"(局|委|办|部|厅|处|科|所|站|队|院|会|社|中心|公司|企业|单位|组|室|馆|行|台|关|署|团|联|政府|党委|机构|部门|军分区|村|社区|街道|办事处|管委会|行业|集团|机场|部队|网格|网格员|学校|幼儿园)$")]
    private static partial Regex BodySuffix();

    [GeneratedRegex(@"^(各|有关|其他)|有关部门|各部门|部门和单位|成员单位")]
    private static partial Regex GenericSet();

    [GeneratedRegex(@"^([\u4e00-\u9fff（）()]{2,16})[：:]")]
    private static partial Regex NameBeforeColon();

    [GeneratedRegex(@"^(牵头|主责|责任|配合|协助|协办|参与|主办|承办|其他|相关|有关)(单位|部门)$|职责$|任务$|要求$|依据$|范围$|对象$")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"^([^，。；的]{2,20}?(?:负责人|负责同志|书记|镇长|乡长|区长|县长|市长|主任|领导干部|班子成员|副职))(?:应当|要|按照|在|对|负责|承担|支持|依据|根据)")]
    private static partial Regex LeaderSubjectPattern();

    [GeneratedRegex(@"^([^，。；的]{2,20}?(?:部门|单位|办事处（管委会）|办事处|管委会))(?:应当|要|按照|依据|根据|明确|负责|承担|在)")]
    private static partial Regex BodySubjectPattern();

    [GeneratedRegex(@"[、，,；;\n]")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^(.+?)等?(部门|单位|机构)$")]
    private static partial Regex EtcSuffix();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff])\s+and\s+(?=[\u4e00-\u9fff])")]
    private static partial Regex StrayAnd();
}
