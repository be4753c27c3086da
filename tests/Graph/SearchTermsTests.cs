using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Graph;

/// <summary>How a search text is read into required terms, once for both stores, and where it matched.</summary>
public sealed class SearchTermsTests
{
    [Fact]
    public void Reads_words_separated_by_spaces_as_terms_all_required()
    {
        var terms = SearchTerms.Parse(" 燃气  餐饮 燃气 ");

        Assert.Equal([["燃气"], ["餐饮"]], terms.Select(t => t.Forms.ToArray()));
        Assert.All(terms, t => Assert.False(t.IsPhrase));
    }

    [Fact]
    public void Reads_quoted_text_as_one_phrase_and_an_unmatched_quote_as_a_character()
    {
        Assert.Equal([["燃气安全"], ["商务"]], SearchTerms.Parse("\"燃气 安全\" 商务").Select(t => t.Forms.ToArray()));
        Assert.Equal([["燃气安全"]], SearchTerms.Parse("“燃气 安全”").Select(t => t.Forms.ToArray()));
        Assert.Equal([["lpg 钢瓶"]], SearchTerms.Parse("\"ＬＰＧ 钢瓶\"").Select(t => t.Forms.ToArray()));
        Assert.Equal([["餐饮\"or*"]], SearchTerms.Parse("餐饮\"OR*").Select(t => t.Forms.ToArray()));
    }

    [Fact]
    public void Widens_words_but_never_a_quoted_phrase_to_their_other_forms()
    {
        IReadOnlyList<string>? FormsOf(string word) => word == "燃气" ? ["燃气", "天然气"] : null;

        var words = SearchTerms.WithForms(SearchTerms.Parse("燃气 餐饮"), FormsOf);
        var phrase = SearchTerms.WithForms(SearchTerms.Parse("\"燃气\" 餐饮"), FormsOf);

        Assert.Equal(["燃气", "天然气"], words[0].Forms);
        Assert.Equal(["餐饮"], words[1].Forms);
        Assert.Equal(["燃气"], phrase[0].Forms);
        Assert.True(phrase[0].IsPhrase);
    }

    [Fact]
    public void Marks_every_match_of_any_form_in_text_order_merging_overlaps()
    {
        IReadOnlyList<SearchTerm> terms = [new(["燃气", "天然气", "气"]), new(["ｌｐｇ"])];

        var spans = SearchTerms.Spans(SearchTerms.WithForms(terms, _ => null), "使用天然气和LPG，燃气");

        Assert.Equal([new TextSpan(2, 3), new TextSpan(6, 3), new TextSpan(10, 2)], spans);
    }
}
