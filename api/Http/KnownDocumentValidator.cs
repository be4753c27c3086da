using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace SafetyDuty.Api.Http;

/// <summary>GraphQL.NET's validator, with a shorter way through for a document that has already passed every rule
/// (<see cref="DocumentCache"/> then asks for no rules at all). Even with no rules, the framework's validator walks the
/// whole document twice for each request: once to find where each variable is used (which it needs only for a nullable
/// variable used where a value is required, and which depends on the document alone), once to find the fields that
/// take arguments and read their values (which depend on the request's variables). Here both walks are made once per
/// operation: the variables are read through a validation context that keeps its first walk's usages, and the
/// arguments are read, field by field, with the framework's own <see cref="ExecutionHelper.GetArguments"/>. Anything
/// outside that plan (directives, a value that does not fit) goes through the framework's validator, so
/// errors read as they always have.</summary>
public sealed class KnownDocumentValidator(IDocumentValidator inner) : IDocumentValidator
{
    // Plans die with their documents (DocumentCache bounds those); null: the operation has no plan.
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, Plan?> _plans = [];

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (options.Rules is not ICollection<IValidationRule> { Count: 0 } || options.Operation is null)
        {
            return inner.ValidateAsync(options);
        }
        if (!_plans.TryGetValue(options.Operation, out var plan))
        {
            plan = Plan.Of(options.Schema, options.Document, options.Operation);
            _plans.AddOrUpdate(options.Operation, plan);
        }
        return plan is not null && ReferenceEquals(plan.Schema, options.Schema) && ReferenceEquals(plan.Document, options.Document)
            ? ValidateAsync(plan, options)
            : inner.ValidateAsync(options);
    }

    private async Task<IValidationResult> ValidateAsync(Plan plan, ValidationOptions options)
    {
        var context = plan.Rent(options);
        Variables variables;
        List<ValidationError>? errors;
        try
        {
            (variables, errors) = await context.GetVariablesValuesAsync();
        }
        finally
        {
            plan.Return(context);
        }
        if (errors is not null)
        {
            return await inner.ValidateAsync(options);
        }

        Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? arguments = null;
        foreach (var (field, definition) in plan.FieldsWithArguments)
        {
            try
            {
                if (ExecutionHelper.GetArguments(definition.Arguments, field.Arguments, variables, options.Document, field, null) is { } values)
                {
                    (arguments ??= []).Add(field, values);
                }
            }
            catch (ValidationError)
            {
                return await inner.ValidateAsync(options);
            }
        }
        return new ValidationResult() { Variables = variables, ArgumentValues = arguments };
    }

    /// <summary>One operation's fields that are given arguments, each with its definition, in the order the framework's
    /// validator visits them; and validation contexts that have already found where the operation uses its variables.</summary>
    private sealed class Plan(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, (GraphQLField, FieldType)[] fieldsWithArguments)
    {
        private readonly ConcurrentBag<ValidationContext> _contexts = [];

        public ISchema Schema { get; } = schema;

        public GraphQLDocument Document { get; } = document;

        public (GraphQLField Field, FieldType Definition)[] FieldsWithArguments { get; } = fieldsWithArguments;

        /// <summary>The plan of an operation without directives; otherwise none.</summary>
        public static Plan? Of(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
        {
            var root = operation.Operation switch
            {
                OperationType.Query => schema.Query,
                OperationType.Mutation => schema.Mutation,
                _ => null,
            };
            if (root is null || HasDirectives(operation) || operation.Variables?.Items.Any(HasDirectives) == true)
            {
                return null;
            }
            var fields = new List<(GraphQLField, FieldType)>();
            return Walk(schema, document, root, operation.SelectionSet, fields, [])
                ? new Plan(schema, document, operation, [.. fields])
                : null;
        }

        public ValidationContext Rent(in ValidationOptions options)
        {
            var context = _contexts.TryTake(out var kept) ? kept : new ValidationContext { Schema = Schema, Document = Document, Operation = operation };
            context.Variables = options.Variables;
            context.Extensions = options.Extensions;
            context.UserContext = options.UserContext;
            context.Metrics = options.Metrics;
            context.RequestServices = options.RequestServices;
            context.User = options.User;
            context.CancellationToken = options.CancellationToken;
            return context;
        }

        // Kept without the request's objects, which it would otherwise hold on to.
        public void Return(ValidationContext context)
        {
            context.Variables = null!;
            context.Extensions = null!;
            context.UserContext = null!;
            context.RequestServices = null;
            context.User = null;
            context.CancellationToken = default;
            _contexts.Add(context);
        }

        // As the framework's argument visitor goes: each field of the selection, then its own selection with the
        // field's type; fragments with their type condition, each named fragment once.
        private static bool Walk(ISchema schema, GraphQLDocument document, IComplexGraphType type, GraphQLSelectionSet selectionSet,
            List<(GraphQLField, FieldType)> fields, HashSet<string> fragments)
        {
            foreach (var selection in selectionSet.Selections)
            {
                if (HasDirectives(selection))
                {
                    return false;
                }
                var walked = selection switch
                {
                    GraphQLField field => WalkField(schema, document, type, field, fields, fragments),
                    GraphQLInlineFragment inline => inline.TypeCondition is null
                        ? Walk(schema, document, type, inline.SelectionSet, fields, fragments)
                        : Condition(schema, inline.TypeCondition, type) is { } condition
                            && Walk(schema, document, condition, inline.SelectionSet, fields, fragments),
                    GraphQLFragmentSpread spread => !fragments.Add(spread.FragmentName.Name.StringValue)
                        || (document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } definition
                            && !HasDirectives(definition)
                            && Condition(schema, definition.TypeCondition, type) is { } condition
                            && Walk(schema, document, condition, definition.SelectionSet, fields, fragments)),
                    _ => false,
                };
                if (!walked)
                {
                    return false;
                }
            }
            return true;
        }

        private static bool WalkField(ISchema schema, GraphQLDocument document, IComplexGraphType type, GraphQLField field,
            List<(GraphQLField, FieldType)> fields, HashSet<string> fragments)
        {
            var name = field.Name.Value;
            var definition = name == schema.TypeMetaFieldType.Name ? schema.TypeMetaFieldType
                : name == schema.TypeNameMetaFieldType.Name ? schema.TypeNameMetaFieldType
                : name == schema.SchemaMetaFieldType.Name ? schema.SchemaMetaFieldType
                : type.Fields.Find(name);
            if (definition is null)
            {
                return false;
            }
            if (field.Arguments?.Count > 0)
            {
                fields.Add((field, definition));
            }
            // A union's selection is walked with the type around it, whose fields it cannot select (only __typename);
            // its fragments name their own types.
            return definition.ResolvedType?.GetNamedType() switch
            {
                IComplexGraphType complex => field.SelectionSet is null || Walk(schema, document, complex, field.SelectionSet, fields, fragments),
                UnionGraphType => field.SelectionSet is null || Walk(schema, document, type, field.SelectionSet, fields, fragments),
                _ => field.SelectionSet is null,
            };
        }

        // A fragment's type: an object or interface type is its own, a union keeps the type around it.
        private static IComplexGraphType? Condition(ISchema schema, GraphQLTypeCondition condition, IComplexGraphType around) =>
            schema.AllTypes[condition.Type.Name.StringValue]?.GetNamedType() switch
            {
                IComplexGraphType complex => complex,
                UnionGraphType => around,
                _ => null,
            };

        private static bool HasDirectives(ASTNode node) => node is IHasDirectivesNode { Directives.Count: > 0 };
    }
}
