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
}
