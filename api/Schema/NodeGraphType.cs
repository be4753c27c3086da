using GraphQL.Types;
using SafetyDuty.Graph.Model;

namespace SafetyDuty.Api.Schema;

/// <summary>The Relay <c>Node</c> interface: every object with a stable id can be fetched again with <c>node(id:)</c>.</summary>
public sealed class NodeGraphType : InterfaceGraphType<GraphNode>
{
    public NodeGraphType()
    {
        Name = "Node";
        Description = "有稳定 ID 的对象，可用 node(id:) 再取 (an object with a stable id, refetchable with node(id:)).";
        Field<NonNullGraphType<IdGraphType>, string>("id")
            .Description("稳定 ID：同一文件在任何机器上载入得到相同 ID (stable id).");
    }
}
