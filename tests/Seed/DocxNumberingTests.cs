using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SafetyDuty.Seed.Reading;

namespace SafetyDuty.Tests.Seed;

/// <summary>Word's automatic numbering read as the labels Word draws: input paragraphs with their numbering beside the
/// text expected.</summary>
public class DocxNumberingTests
{
    [Fact]
    public void The_generated_word_files_carry_no_label_in_their_text()
    {
        var typed = "第一条　县财政局安全生产职责\n（一）落实经费。\n（二）监督使用。\n第二条　县教育局安全生产职责\n（一）校园安全。";
        var docx = TypedTextForms.Docx(typed, TypedTextForms.Numbering.OnParagraphs);
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var runs = string.Concat(document.MainDocumentPart!.Document!.Body!.Descendants<Text>().Select(t => t.Text));
            Assert.DoesNotContain("第一条", runs, StringComparison.Ordinal);
            Assert.DoesNotContain("（二）", runs, StringComparison.Ordinal);
        }

        Assert.Equal(typed, DocumentSource.ReadText(new MemoryStream(docx), "auto.docx"));
    }

    [Fact]
    public void Counts_in_chinese_restarts_under_a_new_item_and_honours_a_start_override()
    {
        var level0 = Level(0, "chineseCounting", "%1、");
        var level1 = Level(1, "chineseCounting", "（%2）");
        var text = Read([level0, level1], [Override(3, 0, 7)],
            (1, 0, "县应急管理局"), (1, 1, "综合监管。"), (1, 1, "危化品。"), (1, 0, "县公安局"), (1, 1, "道路交通。"), (3, 0, "县交通运输局"));
        Assert.Equal("一、县应急管理局\n（一）综合监管。\n（二）危化品。\n二、县公安局\n（一）道路交通。\n七、县交通运输局", text);
    }

    [Fact]
    public void Writes_articles_with_an_ideographic_space_and_counts_past_ten()
    {
        var article = Level(0, "chineseCountingThousand", "第%1条");
        var lines = Enumerable.Range(1, 12).Select(i => (1, 0, $"条文{i}")).ToArray();
        var text = Read([article], [], lines).Split('\n');
        Assert.Equal("第十条\u3000条文10", text[9]);
        Assert.Equal("第十二条\u3000条文12", text[11]);
    }

    [Fact]
    public void Keeps_a_deeper_level_counting_when_its_restart_says_never_and_shows_legal_numbers()
    {
        var chapter = Level(0, "chineseCounting", "第%1章");
        var item = Level(1, "decimal", "%1.%2");
        item.Append(new LevelRestart { Val = 0 });
        item.Append(new IsLegalNumberingStyle());
        var text = Read([chapter, item], [], (1, 0, "总则"), (1, 1, "甲"), (1, 0, "职责"), (1, 1, "乙"));
        Assert.Equal("第一章\u3000总则\n1.1\u3000甲\n第二章\u3000职责\n2.2\u3000乙", text);
    }

    [Theory]
    [InlineData("decimalEnclosedCircle", 3, "③")]
    [InlineData("ideographTraditional", 2, "乙")]
    [InlineData("upperLetter", 28, "BB")]
    [InlineData("lowerRoman", 14, "xiv")]
    [InlineData("decimalEnclosedParen", 1, "⑴")]
    [InlineData("chineseCounting", 21, "二十一")]
    [InlineData("chineseCountingThousand", 105, "一百零五")]
    [InlineData("decimalFullWidth", 12, "１２")]
    public void Writes_the_number_formats_word_offers(string format, int value, string expected) =>
        Assert.Equal(expected, DocxNumbering.Number(value, format));

    [Fact]
    public void Takes_the_numbering_from_a_paragraph_style_and_the_style_it_is_based_on()
    {
        var typed = "一、县应急管理局\n（一）综合监管。\n（二）危化品。\n二、县公安局\n（一）道路交通。\n（三）民爆物品。";
        var docx = TypedTextForms.Docx(typed, TypedTextForms.Numbering.ThroughStyles);
        Assert.Equal(typed, DocumentSource.ReadText(new MemoryStream(docx), "styles.docx"));
    }

    private static Level Level(int index, string format, string pattern) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = new EnumValue<NumberFormatValues>(new NumberFormatValues(format)) },
            new LevelText { Val = pattern })
        { LevelIndex = index };

    private static (int Instance, int Level, int Start) Override(int instance, int level, int start) => (instance, level, start);

    private static string Read(Level[] levels, (int Instance, int Level, int Start)[] overrides, params (int Instance, int Level, string Text)[] paragraphs)
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(
                new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = p.Level }, new NumberingId { Val = p.Instance })),
                new Run(new Text(p.Text))))));
            var numbering = new Numbering(new AbstractNum(levels) { AbstractNumberId = 0 }, new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 });
            foreach (var (instance, level, start) in overrides)
            {
                numbering.Append(new NumberingInstance(new AbstractNumId { Val = 0 },
                    new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = level })
                { NumberID = instance });
            }

            main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
        }

        return DocumentSource.ReadText(new MemoryStream(memory.ToArray()), "numbered.docx");
    }
}
