using SafetyDuty.Graph.Model;

namespace SafetyDuty.Tests.Graph;

public class StableIdTests
{
    [Fact]
    public void Gives_the_same_id_for_the_same_parts_and_different_ids_for_different_parts()
    {
        var a = StableId.Body(StableId.Jurisdiction("昆山市"), "市公安局");
        Assert.Equal(a, StableId.Body(StableId.Jurisdiction("昆山市"), "市公安局"));
        Assert.NotEqual(a, StableId.Body(StableId.Jurisdiction("洛阳市"), "市公安局"));
        Assert.Matches("^b_[0-9a-f]{16}$", a);
    }

    [Fact]
    public void Does_not_confuse_parts_that_concatenate_to_the_same_text()
    {
        Assert.NotEqual(StableId.Of("x", "ab", "c"), StableId.Of("x", "a", "bc"));
    }

    [Fact]
    public void Gives_everything_of_one_place_the_place_s_digits_first()
    {
        var kunshan = StableId.Jurisdiction("昆山市");
        var placeDigits = kunshan[2..(2 + StableId.ScopeDigits)];
        var document = StableId.Document(kunshan, "昆安委〔2021〕6号");
        var ids = new[]
        {
            document,
            StableId.Body(kunshan, "市公安局"),
            StableId.Leader(kunshan, "市长"),
            StableId.Duty(document, "第七条（五）4", 1),
        };

        Assert.All(ids, id => Assert.Matches("^(doc|b|l|d)_" + placeDigits + "[0-9a-f]{10}$", id));
        Assert.NotEqual(StableId.Duty(document, "第七条（五）4", 1), StableId.Duty(document, "第七条（五）4", 2));
        Assert.DoesNotContain(placeDigits, StableId.Body(StableId.Jurisdiction("洛阳市"), "市公安局")[..8]);
    }
}
