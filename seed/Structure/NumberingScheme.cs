using System.Globalization;
using System.Text.RegularExpressions;

namespace SafetyDuty.Seed.Structure;

/// <summary>The numbering styles of Chinese official documents, outermost first as they usually nest. Full- and
/// half-width brackets and stops are the same scheme.</summary>
public enum NumberingScheme
{
    Chapter,
    Article,
    ChineseComma,
    ChineseParen,
    Arabic,
    ArabicParen,
}

/// <summary>A numbering label at the start of a line: its scheme, its value and how many characters it takes
/// (with the spaces after it).</summary>
public sealed partial record Label(NumberingScheme Scheme, int Value, int Length)
{
    public static Label? Parse(string content)
    {
        foreach (var (scheme, regex) in Patterns)
        {
            var match = regex.Match(content);
            if (!match.Success)
            {
                continue;
            }

            var digits = match.Groups[1].Value;
            var value = char.IsAsciiDigit(digits[0])
                ? int.Parse(digits, CultureInfo.InvariantCulture)
                : ChineseNumeral.Parse(digits);
            if (value <= 0)
            {
                continue;
            }

            return new Label(scheme, value, match.Length);
        }

        return null;
    }

    /// <summary>The label as a locator writes it: 第七条, 二, （十二）, 4, （1）.</summary>
    public string Format() => Format(Scheme, Value);

    public static string Format(NumberingScheme scheme, int value) => scheme switch
    {
        NumberingScheme.Chapter => $"第{ChineseNumeral.Format(value)}章",
        NumberingScheme.Article => $"第{ChineseNumeral.Format(value)}条",
        NumberingScheme.ChineseComma => ChineseNumeral.Format(value),
        NumberingScheme.ChineseParen => $"（{ChineseNumeral.Format(value)}）",
        NumberingScheme.Arabic => value.ToString(CultureInfo.InvariantCulture),
        _ => $"（{value.ToString(CultureInfo.InvariantCulture)}）",
    };

    private const string Space = @"[\s\u3000]*";

    private static readonly (NumberingScheme, Regex)[] Patterns =
    [
        (NumberingScheme.Chapter, ChapterPattern()),
        (NumberingScheme.Article, ArticlePattern()),
        (NumberingScheme.ChineseParen, ChineseParenPattern()),
        (NumberingScheme.ArabicParen, ArabicParenPattern()),
        (NumberingScheme.ChineseComma, ChineseCommaPattern()),
        (NumberingScheme.Arabic, ArabicPattern()),
    ];

    [GeneratedRegex(@"^第([零〇一二两三四五六七八九十百\d]+)章" + Space)]
    private static partial Regex ChapterPattern();

    [GeneratedRegex(@"^第([零〇一二两三四五六七八九十百\d]+)条" + Space)]
    private static partial Regex ArticlePattern();

    [GeneratedRegex(@"^[（(]" + Space + @"([零〇一二三四五六七八九十百]+)" + Space + @"[）)]" + Space)]
    private static partial Regex ChineseParenPattern();

    [GeneratedRegex(@"^[（(]" + Space + @"([0-9]{1,3})" + Space + @"[）)]" + Space)]
    private static partial Regex ArabicParenPattern();

    [GeneratedRegex(@"^([零〇一二三四五六七八九十百]+)[、，,．.]" + Space)]
    private static partial Regex ChineseCommaPattern();

    // "2017年" and "1.5米" are not labels: the number must be followed by a stop that is not a decimal point.
    [GeneratedRegex(@"^([0-9]{1,3})(?:[、，．]|\.(?![0-9]))" + Space)]
    private static partial Regex ArabicPattern();
}

/// <summary>Chinese numerals as used in labels (一 … 九十九 … 一百二十).</summary>
public static class ChineseNumeral
{
    private const string Digits = "零一二三四五六七八九";

    public static int Parse(string text)
    {
        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            var digit = c switch
            {
                '〇' => 0,
                '两' => 2,
                _ => Digits.IndexOf(c, StringComparison.Ordinal),
            };
            if (digit >= 0)
            {
                current = digit;
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else if (c == '百')
            {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
            else
            {
                return -1;
            }
        }

        return total + current;
    }

    public static string Format(int value)
    {
        if (value <= 0)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var hundreds = value / 100;
        var tens = value / 10 % 10;
        var units = value % 10;
        var text = hundreds > 0 ? Digits[hundreds] + "百" : "";
        if (tens > 0)
        {
            text += (tens == 1 && hundreds == 0 ? "" : Digits[tens].ToString()) + "十";
        }
        else if (hundreds > 0 && units > 0)
        {
            text += "零";
        }

        return units > 0 ? text + Digits[units] : text;
    }
}
