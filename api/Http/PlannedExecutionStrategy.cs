using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace SafetyDuty.Api.Http;

/// <summary>GraphQL.NET's serial execution, with each object's fields collected once per selection set and object
/// type rather than for every object of every answer. The framework collects an object's fields (its selection
/// set, with fragments expanded and fields of the same name merged) for each object it completes: a list of 200 duties
/// collects the same fields 200 times, and a region's gaps thousands of times. The fields an object gets depend on the
/// request only through <c>@skip</c>/<c>@include</c> and through fields of the same response name merged into one;
/// a selection set with neither (every query the page sends) is collected once and its fields kept with the parsed
/// document (<see cref="DocumentCache"/> keeps those), and any other goes through the framework's own collection, as
/// before.</summary>
public sealed class PlannedExecutionStrategy : SerialExecutionStrategy
{
    // Fields per selection set and object type; null: this selection set is collected for every object.
    private readonly ConditionalWeakTable<GraphQLSelectionSet, TypePlans> _plans = [];

    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        var parentType = parent.GetObjectGraphType(context.Schema) ?? parent.GraphType!;
        var selectionSet = parent.SelectionSet!;
        var plans = _plans.GetValue(selectionSet, static _ => new TypePlans());
        if (!plans.TryGet(parentType, out var fields))
        {
            fields = Collect(context, parentType, selectionSet);
            plans.Add(parentType, fields);
        }
        if (fields is null)
        {
            base.SetSubFieldNodes(context, parent);
            return;
        }

        var subFields = new ExecutionNode[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var (field, definition) = fields[i];
            subFields[i] = BuildExecutionNode(parent, definition.ResolvedType!, field, definition);
        }
        parent.SubFields = subFields;
    }

    // The framework's own collection, kept only where it cannot depend on the request: no directive anywhere in the
    // selection set or the fragments it spreads, and no two fields of one response name (merging them builds new
    // fields and records their arguments in the request's context).
    private (GraphQLField Field, FieldType Definition)[]? Collect(ExecutionContext context, IGraphType parentType, GraphQLSelectionSet selectionSet)
    {
        var applying = 0;
        if (!Plain(context, parentType, selectionSet, ref applying, depth: 0))
        {
            return null;
        }
        var collected = CollectFieldsFrom(context, parentType, selectionSet, null);
        if (collected.Count != applying)
        {
            return null;
        }
        var fields = new (GraphQLField, FieldType)[collected.Count];
        var i = 0;
        foreach (var (_, entry) in collected)
        {
            fields[i++] = (entry.field, entry.fieldType);
        }
        return fields;
    }

    // Whether the selection set (and every fragment that applies to the type) is free of directives; counts the fields
    // that apply, so that a merge (fewer collected than applied) shows. Fragment cycles are refused by validation; the
    // depth bound only keeps a document that slipped through from recursing without end.
    private bool Plain(ExecutionContext context, IGraphType type, GraphQLSelectionSet selectionSet, ref int fields, int depth)
    {
        if (depth > 32)
        {
            return false;
        }
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when field.Directives is null or { Count: 0 }:
                    fields++;
                    break;
                case GraphQLFragmentSpread spread when spread.Directives is null or { Count: 0 }:
                    if (context.Document.FindFragmentDefinition(spread.FragmentName.Name) is not { } fragment
                        || fragment.Directives is { Count: > 0 })
                    {
                        return false;
                    }
                    if (DoesFragmentConditionMatch(context, fragment.TypeCondition.Type.Name, type)
                        && !Plain(context, type, fragment.SelectionSet, ref fields, depth + 1))
                    {
                        return false;
                    }
                    break;
                case GraphQLInlineFragment inline when inline.Directives is null or { Count: 0 }:
                    if (DoesFragmentConditionMatch(context, inline.TypeCondition != null ? inline.TypeCondition.Type.Name : type.Name, type)
                        && !Plain(context, type, inline.SelectionSet, ref fields, depth + 1))
                    {
                        return false;
                    }
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    // A selection set's plans by object type: a handful at most (one per member of a union), read without a lock and
    // replaced whole when one is added.
    private sealed class TypePlans
    {
        private readonly Lock _adding = new();
        private (IGraphType Type, (GraphQLField, FieldType)[]? Fields)[] _entries = [];

        public bool TryGet(IGraphType type, out (GraphQLField, FieldType)[]? fields)
        {
            foreach (var entry in Volatile.Read(ref _entries))
            {
                if (ReferenceEquals(entry.Type, type))
                {
                    fields = entry.Fields;
                    return true;
                }
            }
            fields = null;
            return false;
        }

        public void Add(IGraphType type, (GraphQLField, FieldType)[]? fields)
        {
            lock (_adding)
            {
                if (!TryGet(type, out _))
                {
                    Volatile.Write(ref _entries, [.. _entries, (type, fields)]);
                }
            }
        }
    }
}
