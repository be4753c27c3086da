using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Graph.Store;

// The one JSON form of stored nodes, edges' evidence and a document's fingerprint, for both stores: a node written
// by one reads back the same in the other, and the fingerprint does not depend on which store computes it.
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(GraphNode))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<RoleBasis>))]
[JsonSerializable(typeof(DocumentGraph))]
internal sealed partial class NodeJson : JsonSerializerContext
{
    // Stored JSON keeps Chinese as UTF-8 (a third of the size of \u escapes); it is never written into HTML.
    public static NodeJson Stored { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    });
}
