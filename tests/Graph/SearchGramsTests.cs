using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Sqlite;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Graph;

public sealed class SearchGramsTests
{
    [Fact]
    public void Leaves_out_of_a_terms_forms_those_that_hold_another_forms_chinese_word()
    {
        SearchTerm many = new(["燃气", "管道燃气", "燃气设施", "lpg燃气", "液化气", "气瓶", "气"]);
        SearchTerm few = new(["燃气", "液化气", "气瓶", "气"]);

        Assert.Equal(SearchGrams.ToMatch([few], NodeLabel.Duty), SearchGrams.ToMatch([many], NodeLabel.Duty));
    }

    [Fact]
    public void Keeps_forms_that_a_single_character_or_a_latin_word_is_part_of()
    {
        // 气 is a prefix query and lpg a whole word: neither stands for the longer forms.
        SearchTerm forms = new(["气", "液化气", "lpg", "lpg燃料"]);

        var match = SearchGrams.ToMatch([forms], null)!;

        Assert.Contains("\"液化 化气\"", match, StringComparison.Ordinal);
        Assert.Contains("\"lpg\"", match, StringComparison.Ordinal);
        Assert.Contains("\"燃料\"", match, StringComparison.Ordinal);
    }
}
