using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using GraphQL.Execution;

namespace SafetyDuty.Api.Http;

/// <summary>An answer as JSON, exactly as GraphQL.SystemTextJson writes it (errors, data, extensions), with the values
/// the schema's scalars give (texts, whole numbers, yes/no) written straight to the writer. The framework's converter
/// hands every value to <see cref="JsonSerializer"/> as an object, which looks up the value's type and sets up a
/// serialisation for each one: a region's gaps holds thousands of values. Any other value still goes through
/// <see cref="JsonSerializer"/> with the same options.</summary>
public sealed class AnswerJsonConverter : JsonConverter<ExecutionResult>
{
    public override bool CanConvert(Type typeToConvert) => typeof(ExecutionResult).IsAssignableFrom(typeToConvert);

    public override ExecutionResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Answers are written, never read.");

    public override void Write(Utf8JsonWriter writer, ExecutionResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Errors is { Count: > 0 } errors)
        {
            writer.WritePropertyName("errors");
            JsonSerializer.Serialize(writer, errors, options);
        }
        if (value.Executed)
        {
            writer.WritePropertyName("data");
            if (value.Data is ExecutionNode data)
            {
                WriteNode(writer, data, options);
            }
            else
            {
                JsonSerializer.Serialize(writer, value.Data, options);
            }
        }
        if (value.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            JsonSerializer.Serialize(writer, extensions, options);
        }
        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, ExecutionNode? node, JsonSerializerOptions options)
    {
        switch (node)
        {
            case ValueExecutionNode value:
                WriteValue(writer, value.ToValue(), options);
                break;
            case ObjectExecutionNode { SubFields: { } fields }:
                writer.WriteStartObject();
                foreach (var field in fields)
                {
                    writer.WritePropertyName(options.PropertyNamingPolicy?.ConvertName(field.Name!) ?? field.Name!);
                    WriteNode(writer, field, options);
                }
                writer.WriteEndObject();
                break;
            case ObjectExecutionNode:
            case NullExecutionNode:
            case null:
                writer.WriteNullValue();
                break;
            case ArrayExecutionNode { Items: { } items }:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteNode(writer, item, options);
                }
                writer.WriteEndArray();
                break;
            case ArrayExecutionNode list:
                JsonSerializer.Serialize(writer, list.SerializedResult, options);
                break;
            default:
                WriteValue(writer, node.ToValue(), options);
                break;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool yes:
                writer.WriteBooleanValue(yes);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            default:
                JsonSerializer.Serialize(writer, value, options);
                break;
        }
    }
}
