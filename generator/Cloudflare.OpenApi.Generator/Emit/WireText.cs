using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>
/// C# expressions that turn a value into the text a path, query, header or form field carries. One switch per type
/// kind, no discard: a new kind fails to compile here rather than emitting code that does not.
/// </summary>
internal static class WireText
{
    public const string ParameterText = "global::Cloudflare.OpenApi.Serialization.ParameterText";

    /// <summary>The text of <paramref name="value"/>, which is not null (and not a <c>Nullable&lt;T&gt;</c>).</summary>
    public static string Of(TypeNames names, TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => value,
        TypeKind.Boolean or TypeKind.Integer or TypeKind.Number or TypeKind.DateTime => $"{ParameterText}.Format({value})",
        TypeKind.Enum => $"{value}.Value",
        TypeKind.IntegerEnum => $"{ParameterText}.Format({value}.Value)",
        TypeKind.PrimitiveUnion => $"{value}.ToString()",
        TypeKind.Any => $"{value}.GetRawText()",
        TypeKind.Object or TypeKind.Union or TypeKind.ValueUnion or TypeKind.Map or TypeKind.Array => $"global::System.Text.Encoding.UTF8.GetString({JsonBytes(names, type, value)})",
    };

    /// <summary>The text of <paramref name="value"/>, or null when it is null (<paramref name="nullable"/>: the variable may be null).</summary>
    public static string OfOptional(TypeNames names, TypeRef type, string value, bool nullable) =>
        !nullable ? Of(names, type, value)
        : type.Kind == TypeKind.String ? value
        : WhenNotNull(type, value, v => Of(names, type, v));

    /// <summary>Each item's text of a sequence (null stays null): <c>ParameterText.Each(ids, static item => …)</c>.</summary>
    public static string Each(TypeNames names, TypeRef element, string value) => element.Kind == TypeKind.String
        ? value
        : $"{ParameterText}.Each({value}, static item => {Of(names, element, "item")})";

    /// <summary>A sequence's items joined by <paramref name="delimiter"/> (null stays null).</summary>
    public static string Join(TypeNames names, TypeRef element, string value, string delimiter) =>
        $"{ParameterText}.Join({value}, {SourceWriter.Literal(delimiter)}, static item => {Of(names, element, "item")})";

    /// <summary>The delimiter of a non-exploded array style.</summary>
    public static string Delimiter(ValueStyle style) => style switch
    {
        ValueStyle.Exploded or ValueStyle.CommaDelimited or ValueStyle.DeepObject or ValueStyle.JsonText => ",",
        ValueStyle.SpaceDelimited => " ",
        ValueStyle.PipeDelimited => "|",
    };

    /// <summary>The UTF-8 JSON bytes of <paramref name="value"/>, or null when it is null (<paramref name="nullable"/>: the variable may be null).</summary>
    public static string OptionalJsonBytes(TypeNames names, TypeRef type, string value, bool nullable) =>
        nullable ? WhenNotNull(type, value, v => JsonBytes(names, type, v)) : JsonBytes(names, type, value);

    /// <summary><paramref name="of"/> applied to the value of a variable that may be null, null when it is.</summary>
    private static string WhenNotNull(TypeRef type, string value, System.Func<string, string> of) => type.IsValueType
        ? $"({value}.HasValue ? {of(value + ".GetValueOrDefault()")} : null)"
        : $"({value} is null ? null : {of(value)})";

    /// <summary>The UTF-8 JSON bytes of <paramref name="value"/> (not null) of any type.</summary>
    public static string JsonBytes(TypeNames names, TypeRef type, string value)
    {
        var write = type.Kind == TypeKind.Array
            ? $"static (writer, v) => {TypeNames.JsonWrite}.List<{names.Of(type.Element!)}>(writer, v, static (w0, v0) => {{ {names.Write(type.Element!, "w0", "v0", 1)} }})"
            : names.WriteFunc(type);
        var writeType = type.Kind == TypeKind.Array ? names.OfParameter(type) : names.Of(type);
        return $"{TypeNames.JsonWrite}.ToUtf8Bytes<{writeType}>({value}, {write})";
    }
}
