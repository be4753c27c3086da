using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SafetyDuty.Seed.Vocabulary;

/// <summary>Reads a vocabulary file into YAML nodes that keep their line numbers, so every validation error can
/// point at the entry a reviewer has to fix.</summary>
internal sealed class VocabularyYaml
{
    private VocabularyYaml(string file, YamlNode root)
    {
        File = file;
        Root = root;
    }

    public string File { get; }

    public YamlNode Root { get; }

    public static VocabularyYaml Load(string path)
    {
        var file = Path.GetFileName(path);
        if (!System.IO.File.Exists(path))
        {
            throw new VocabularyException(file, 0, $"文件不存在（file not found: {path}）");
        }

        return Parse(file, System.IO.File.ReadAllText(path));
    }

    public static VocabularyYaml Parse(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new VocabularyException(file, (int)e.Start.Line, $"YAML 格式错误（bad YAML）：{e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up without a position when a bracket or quote is still open at the end.
            var lines = text.Split('\n').Length;
            throw new VocabularyException(file, lines, "YAML 格式错误：文件结束时仍有未闭合的括号或引号（bad YAML: unclosed bracket or quote）");
        }

        if (stream.Documents.Count == 0)
        {
            throw new VocabularyException(file, 1, "文件为空（empty file）");
        }

        return new VocabularyYaml(file, stream.Documents[0].RootNode);
    }

    public VocabularyException Error(YamlNode node, string reason) => new(File, (int)node.Start.Line, reason);

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} 应为列表（expected a list）");

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} 应为映射（expected a mapping）");

    public YamlSequenceNode TopLevelList(string key)
    {
        var root = Mapping(Root, "文件顶层");
        return root.Children.TryGetValue(new YamlScalarNode(key), out var list)
            ? Sequence(list, key)
            : throw Error(Root, $"缺少顶层键 {key}（missing top-level key）");
    }

    public YamlNode Child(YamlNode node, string key)
    {
        var mapping = Mapping(node, "文件顶层");
        return mapping.Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? child
            : throw Error(node, $"缺少键 {key}（missing key）");
    }

    public void OnlyKeys(YamlMappingNode entry, params string[] allowed)
    {
        foreach (var key in entry.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !allowed.Contains(name))
            {
                throw Error(key, $"未知的键 {key}（unknown key; allowed: {string.Join(", ", allowed)}）");
            }
        }
    }

    public string Required(YamlMappingNode entry, string key)
    {
        var value = Optional(entry, key);
        return string.IsNullOrWhiteSpace(value) ? throw Error(entry, $"缺少 {key}（missing {key}）") : value;
    }

    public string? Optional(YamlMappingNode entry, string key)
    {
        if (!entry.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        return node is YamlScalarNode scalar
            ? (scalar.Value is null or "~" or "" ? null : scalar.Value.Trim())
            : throw Error(node, $"{key} 应为单个值（expected a single value）");
    }

    public List<(string Value, YamlNode Node)> List(YamlMappingNode entry, string key)
    {
        if (!entry.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return [];
        }

        var result = new List<(string, YamlNode)>();
        foreach (var item in Sequence(node, key))
        {
            if (item is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
            {
                throw Error(item, $"{key} 的每一项应为非空文字（each item must be non-empty text）");
            }

            result.Add((value.Trim(), item));
        }

        return result;
    }
}
