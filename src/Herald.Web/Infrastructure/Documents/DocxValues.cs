using DocumentFormat.OpenXml;

namespace Herald.Web.Infrastructure.Documents;

/// <summary>
/// Typed attribute values that tolerate text outside the schema: the SDK's .Value throws FormatException for
/// w:val="abc" where a number or enum is expected; such values are treated as absent, as Word does.
/// </summary>
internal static class DocxValues
{
    public static T? Of<T>(OpenXmlSimpleValue<T>? value) where T : struct => value is { HasValue: true } ? value.Value : null;

    public static T? Of<T>(EnumValue<T>? value) where T : struct => value is { HasValue: true } ? value.Value : null;
}
