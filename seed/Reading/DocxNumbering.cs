using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SafetyDuty.Seed.Reading;

/// <summary>Word's automatic numbering, worked out the way Word draws it: a paragraph's <c>w:numPr</c> (its own, or its
/// style's through <c>w:basedOn</c>) names a list instance and a level; the instance points at an abstract definition
/// whose level gives the label pattern (<c>w:lvlText</c>, %1…%9), the number format, the start value and when the level
/// restarts. The label characters are in none of the paragraph's runs, so without this a Word file numbered
/// automatically reads as unnumbered text. Counters are kept per abstract definition (instances of one definition
/// continue one list, as in Word); an instance's <c>w:startOverride</c> restarts its level the first time it is used.
/// One instance per document, fed the paragraphs in reading order.</summary>
public sealed class DocxNumbering
{
    private const int Levels = 9;

    private readonly Dictionary<string, NumberingInstance> _instances = [];
    private readonly Dictionary<string, AbstractNum> _abstracts = [];
    private readonly Dictionary<string, Style> _styles = [];
    private readonly Dictionary<string, int?[]> _counters = [];
    private readonly HashSet<(string Instance, int Level)> _overridesApplied = [];

    public DocxNumbering(MainDocumentPart? part)
    {
        var numbering = part?.NumberingDefinitionsPart?.Numbering;
        if (numbering is not null)
        {
            foreach (var instance in numbering.Elements<NumberingInstance>())
            {
                if (instance.NumberID?.Value is { } id)
                {
                    _instances[id.ToString(CultureInfo.InvariantCulture)] = instance;
                }
            }

            foreach (var definition in numbering.Elements<AbstractNum>())
            {
                if (definition.AbstractNumberId?.Value is { } id)
                {
                    _abstracts[id.ToString(CultureInfo.InvariantCulture)] = definition;
                }
            }
        }

        foreach (var style in part?.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id)
            {
                _styles.TryAdd(id, style);
            }
        }
    }

    /// <summary>The label Word draws before the paragraph, with the separator Word puts after it, or "" when the
    /// paragraph is not numbered. Advances the counters: call once per paragraph, in document order.</summary>
    public string Label(Paragraph paragraph)
    {
        if (_instances.Count == 0 || Resolve(paragraph) is not { } numbered)
        {
            return "";
        }

        var (instanceId, level) = numbered;

        if (!_instances.TryGetValue(instanceId, out var instance)
            || instance.AbstractNumId?.Val?.Value is not { } abstractNumber
            || !_abstracts.TryGetValue(abstractNumber.ToString(CultureInfo.InvariantCulture), out var definition))
        {
            return "";
        }

        var key = abstractNumber.ToString(CultureInfo.InvariantCulture);
        if (!_counters.TryGetValue(key, out var counters))
        {
            _counters[key] = counters = new int?[Levels];
        }

        var levels = new Level?[Levels];
        for (var i = 0; i < Levels; i++)
        {
            levels[i] = LevelOf(instance, definition, i);
        }

        var start = StartOf(instance, levels[level], level, instanceId, out var restarted);
        counters[level] = restarted || counters[level] is null ? start : counters[level] + 1;
        for (var deeper = level + 1; deeper < Levels; deeper++)
        {
            // w:lvlRestart names (one-based) the level whose use restarts this one; 0 means never. By default any
            // shallower level does.
            var restartAfter = levels[deeper]?.LevelRestart?.Val?.Value ?? deeper;
            if (level < restartAfter)
            {
                counters[deeper] = null;
            }
        }

        var definitionLevel = levels[level];
        if (definitionLevel is null)
        {
            return "";
        }

        var format = Format(definitionLevel);
        if (format == "none")
        {
            return "";
        }

        var pattern = definitionLevel.LevelText?.Val?.Value ?? "";
        var legal = definitionLevel.IsLegalNumberingStyle is { } isLegal && (isLegal.Val?.Value ?? true);
        var label = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '%' && i + 1 < pattern.Length && pattern[i + 1] is >= '1' and <= '9')
            {
                var referenced = pattern[i + 1] - '1';
                var value = counters[referenced] ?? StartOf(instance, levels[referenced], referenced, null, out _);
                var referencedFormat = levels[referenced] is { } l ? Format(l) : "decimal";
                // isLgl: the level shows every number it includes as plain digits (1.1.1 under 第一章).
                label.Append(Number(value, legal && format != "bullet" ? "decimal" : referencedFormat));
                i++;
            }
            else
            {
                label.Append(pattern[i]);
            }
        }

        return label.Length == 0 ? "" : label + Separator(definitionLevel, label.ToString());
    }

    // The paragraph's own numPr wins; a style's (and the styles it is based on) fills what it leaves out. numId 0
    // switches numbering off.
    private (string Instance, int Level)? Resolve(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties;
        string? instance = properties?.NumberingProperties?.NumberingId?.Val?.Value.ToString(CultureInfo.InvariantCulture);
        int? level = properties?.NumberingProperties?.NumberingLevelReference?.Val?.Value;
        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; (instance is null || level is null) && styleId is not null && depth < 20; depth++)
        {
            if (!_styles.TryGetValue(styleId, out var style))
            {
                break;
            }

            var numbering = style.StyleParagraphProperties?.NumberingProperties;
            instance ??= numbering?.NumberingId?.Val?.Value.ToString(CultureInfo.InvariantCulture);
            level ??= numbering?.NumberingLevelReference?.Val?.Value;
            styleId = style.BasedOn?.Val?.Value;
        }

        if (instance is null or "0")
        {
            return null;
        }

        // A style that carries only the list is tied to its level by the level's w:pStyle.
        level ??= LevelLinkedToStyle(instance, properties?.ParagraphStyleId?.Val?.Value) ?? 0;
        return (instance, Math.Clamp(level.Value, 0, Levels - 1));
    }

    private int? LevelLinkedToStyle(string instanceId, string? styleId)
    {
        if (styleId is null || !_instances.TryGetValue(instanceId, out var instance)
            || instance.AbstractNumId?.Val?.Value is not { } abstractNumber
            || !_abstracts.TryGetValue(abstractNumber.ToString(CultureInfo.InvariantCulture), out var definition))
        {
            return null;
        }

        return definition.Elements<Level>().FirstOrDefault(l => l.ParagraphStyleIdInLevel?.Val?.Value == styleId)?.LevelIndex?.Value;
    }

    // An instance may redefine a level outright (w:lvlOverride/w:lvl); otherwise the abstract definition's level.
    private static Level? LevelOf(NumberingInstance instance, AbstractNum definition, int index) =>
        instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == index)?.GetFirstChild<Level>()
        ?? definition.Elements<Level>().FirstOrDefault(l => (l.LevelIndex?.Value ?? -1) == index);

    private int StartOf(NumberingInstance instance, Level? level, int index, string? instanceId, out bool restarted)
    {
        restarted = false;
        var start = level?.StartNumberingValue?.Val?.Value ?? 0;
        var startOverride = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == index)?.StartOverrideNumberingValue?.Val?.Value;
        if (startOverride is { } value)
        {
            if (instanceId is not null)
            {
                restarted = _overridesApplied.Add((instanceId, index));
            }

            return value;
        }

        return start;
    }

    private static string Format(Level level) => level.NumberingFormat?.Val?.InnerText ?? "decimal";

    // Word's tab after a label is a gap on the page; typed text puts nothing after a label that ends in a stop or a
    // bracket (一、 （一） 1.) and an ideographic space after one that does not (第一条　).
    private static string Separator(Level level, string label)
    {
        var suffix = level.LevelSuffix?.Val?.InnerText ?? "tab";
        return suffix switch
        {
            "nothing" => "",
            "space" => " ",
            _ => "、，,．.）)】]：:".Contains(label[^1], StringComparison.Ordinal) ? "" : "\u3000",
        };
    }

    /// <summary>A number in one of Word's formats (w:numFmt).</summary>
    public static string Number(int value, string format) => format switch
    {
        "chineseCounting" or "chineseCountingThousand" or "japaneseCounting" or "taiwaneseCounting"
            or "ideographDigital" when value > 0 => ChineseCounting(value),
        "chineseLegalSimplified" when value > 0 => ChineseLegal(value),
        "ideographTraditional" when value is >= 1 and <= 10 => "甲乙丙丁戊己庚辛壬癸"[value - 1].ToString(),
        "ideographZodiac" when value is >= 1 and <= 12 => "子丑寅卯辰巳午未申酉戌亥"[value - 1].ToString(),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" when value is >= 1 and <= 20 => ((char)('①' + value - 1)).ToString(),
        "decimalEnclosedParen" when value is >= 1 and <= 20 => ((char)('⑴' + value - 1)).ToString(),
        "decimalEnclosedFullstop" when value is >= 1 and <= 20 => ((char)('⒈' + value - 1)).ToString(),
        "decimalFullWidth" or "decimalFullWidth2" => string.Concat(value.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０'))),
        "decimalZero" => value.ToString("00", CultureInfo.InvariantCulture),
        "upperLetter" when value > 0 => Letters(value, 'A'),
        "lowerLetter" when value > 0 => Letters(value, 'a'),
        "upperRoman" when value > 0 => Roman(value),
        "lowerRoman" when value > 0 => Roman(value).ToLowerInvariant(),
        "bullet" or "none" => "",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    // 一 … 十 十一 … 二十 … 九十九 一百 一百零一 …: how Word counts in Chinese (and how typed labels are written).
    private static string ChineseCounting(int value)
    {
        const string digits = "零一二三四五六七八九";
        if (value >= 10000)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var text = new StringBuilder();
        var thousands = value / 1000;
        var hundreds = value / 100 % 10;
        var tens = value / 10 % 10;
        var units = value % 10;
        if (thousands > 0)
        {
            text.Append(digits[thousands]).Append('千');
        }

        if (hundreds > 0)
        {
            text.Append(digits[hundreds]).Append('百');
        }
        else if (thousands > 0 && (tens > 0 || units > 0))
        {
            text.Append('零');
        }

        if (tens > 0)
        {
            if (!(tens == 1 && value < 20))
            {
                text.Append(digits[tens]);
            }

            text.Append('十');
        }
        else if (hundreds > 0 && units > 0)
        {
            text.Append('零');
        }

        if (units > 0)
        {
            text.Append(digits[units]);
        }

        return text.ToString();
    }

    private static string ChineseLegal(int value) =>
        ChineseCounting(value).Replace('一', '壹').Replace('二', '贰').Replace('三', '叁').Replace('四', '肆').Replace('五', '伍')
            .Replace('六', '陆').Replace('七', '柒').Replace('八', '捌').Replace('九', '玖').Replace('十', '拾').Replace('百', '佰')
            .Replace('千', '仟');

    // A … Z, then AA … ZZ, as Word repeats the letter.
    private static string Letters(int value, char first) =>
        new((char)(first + (value - 1) % 26), (value - 1) / 26 + 1);

    private static string Roman(int value)
    {
        (int Value, string Text)[] numerals =
            [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var text = new StringBuilder();
        foreach (var (number, numeral) in numerals)
        {
            for (; value >= number; value -= number)
            {
                text.Append(numeral);
            }
        }

        return text.ToString();
    }
}
