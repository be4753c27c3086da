using System.Text;
using SafetyDuty.Seed.Reading;

namespace SafetyDuty.Tests.Seed.Corpus;

/// <summary>The corpus's Word and page forms of a typed document are made from it by <see cref="TypedTextForms"/>,
/// so they can be made again: <c>STEM.auto-numbered.docx</c> (numbering on the paragraphs),
/// <c>STEM.style-numbered.docx</c> (numbering through paragraph styles) and <c>STEM.page.html</c>. To remake them after
/// changing a typed document, run this class with SAFETYDUTY_CORPUS_SOURCE set to tests/Seed/Corpus.</summary>
public class CorpusFormsTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Seed", "Corpus");

    private static readonly (string Suffix, Func<string, byte[]> Make)[] Forms =
    [
        (".auto-numbered.docx", text => TypedTextForms.Docx(text, TypedTextForms.Numbering.OnParagraphs)),
        (".style-numbered.docx", text => TypedTextForms.Docx(text, TypedTextForms.Numbering.ThroughStyles)),
        (".page.html", text => TypedTextForms.Html(text, Encoding.UTF8, "utf-8")),
    ];

    [Fact]
    public void Each_word_form_reads_as_exactly_the_typed_text_it_was_made_from()
    {
        var source = Environment.GetEnvironmentVariable("SAFETYDUTY_CORPUS_SOURCE");
        if (source is not null)
        {
            Remake(source);
        }

        var checkedForms = 0;
        foreach (var typed in Directory.GetFiles(Folder, "*.txt"))
        {
            var stem = Path.GetFileNameWithoutExtension(typed);
            var text = DocumentSource.ReadText(typed);
            foreach (var (suffix, _) in Forms)
            {
                var form = Path.Combine(Folder, stem + suffix);
                if (File.Exists(form) && suffix.EndsWith(".docx", StringComparison.Ordinal))
                {
                    Assert.Equal(text, DocumentSource.ReadText(form));
                    checkedForms++;
                }
            }
        }

        Assert.True(checkedForms >= 3, $"only {checkedForms} Word forms in the corpus");
    }

    // Writes every form that exists in the source folder afresh from its typed text there.
    private static void Remake(string source)
    {
        foreach (var typed in Directory.GetFiles(source, "*.txt"))
        {
            var text = DocumentSource.ReadText(typed);
            foreach (var (suffix, make) in Forms)
            {
                var form = Path.Combine(source, Path.GetFileNameWithoutExtension(typed) + suffix);
                if (File.Exists(form))
                {
                    File.WriteAllBytes(form, make(text));
                }
            }
        }
    }
}
