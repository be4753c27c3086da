using SafetyDuty.Graph.Model;
using SafetyDuty.Graph.Store;

namespace SafetyDuty.Tests.Graph;

/// <summary>A node read back from its stored JSON: decoded once per JSON text, and a changed text is a changed node.</summary>
public sealed class NodeProjectionTests
{
    [Fact]
    public void Reads_a_node_as_it_was_written_and_once_per_text()
    {
        var sector = new Sector("sector-test-燃气", "燃气", "INDUSTRY", null, ["管道燃气", "瓶装燃气"]);
        var json = NodeProjection.Of(sector).Json;

        var first = NodeProjection.Read(json);
        var again = NodeProjection.Read(new string(json.AsSpan()));

        var read = Assert.IsType<Sector>(first);
        Assert.Equal((sector.Id, sector.Name, sector.Facet, sector.ParentId), (read.Id, read.Name, read.Facet, read.ParentId));
        Assert.Equal(["管道燃气", "瓶装燃气"], read.Aliases);
        Assert.Same(first, again);
    }

    [Fact]
    public void Reads_a_changed_text_as_the_changed_node()
    {
        var before = new Sector("sector-test-餐饮", "餐饮", "INDUSTRY", null, ["饭店"]);
        var after = before with { Aliases = ["饭店", "餐馆"] };

        var readBefore = (Sector)NodeProjection.Read(NodeProjection.Of(before).Json);
        var readAfter = (Sector)NodeProjection.Read(NodeProjection.Of(after).Json);

        Assert.Equal(["饭店"], readBefore.Aliases);
        Assert.Equal(["饭店", "餐馆"], readAfter.Aliases);
    }
}
