using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Web.Infrastructure.Web;

/// <summary>
/// 页面与 API 共用的文本字段，值是数字（如小时数 "0.5"）：API 客户端自然会写成 JSON 数字，两种写法都收，原样交给处理器去校验。
/// </summary>
public sealed class NumberOrStringConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        _ => throw new JsonException("expected a number or a string"),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
