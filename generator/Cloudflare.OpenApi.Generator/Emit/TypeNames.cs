using Cloudflare.OpenApi.Generator.Model;

// Switches over TypeKind list every kind and no default: a new kind is a compile error (CS8509) here, not a wrong
// emit later. CS8524 is only about unnamed values (casts of out-of-range ints), which the model never makes.
#pragma warning disable CS8524

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>C# spellings of model types, and the JSON read/write code for each kind of type.</summary>
internal sealed class TypeNames
{
    public const string JsonRead = "global::Cloudflare.OpenApi.Serialization.JsonRead";
    public const string JsonReadNumber = "global::Cloudflare.OpenApi.Serialization.JsonReadNumber";
    public const string JsonWrite = "global::Cloudflare.OpenApi.Serialization.JsonWrite";
    public const string JsonWriteProperty = "global::Cloudflare.OpenApi.Serialization.JsonWriteProperty";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonElement = "global::System.Text.Json.JsonElement";

    private readonly string _namespace;

    public TypeNames(string ns) => _namespace = ns;

    public string Namespace => _namespace;

    public string Named(string name) => $"global::{_namespace}.{name}";

    /// <summary>The one System.Text.Json converter of every generated type (it calls the type's ReadJson/WriteJson).</summary>
    public string Converter(string name) => $"global::Cloudflare.OpenApi.Serialization.JsonModelConverter<{Named(name)}>";

    /// <summary>The interface every generated type implements (its static ReadJson/WriteJson).</summary>
    public string Serializable(string name) => $"global::Cloudflare.OpenApi.Serialization.IJsonSerializable<{name}>";

    private static bool IsNamed(TypeKind kind) => kind switch
    {
        TypeKind.Object or TypeKind.Enum or TypeKind.IntegerEnum or TypeKind.Union or TypeKind.PrimitiveUnion or TypeKind.ValueUnion => true,
        TypeKind.String or TypeKind.Boolean or TypeKind.Integer or TypeKind.Number or TypeKind.DateTime or TypeKind.Any or TypeKind.Array or TypeKind.Map => false,
    };

    /// <summary>The C# type without nullability.</summary>
    public string Of(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Integer => type.Format == NumberFormat.Int32 ? "int" : "long",
        TypeKind.Number => type.Format == NumberFormat.Decimal ? "decimal" : "double",
        TypeKind.DateTime => "global::System.DateTimeOffset",
        TypeKind.Any => JsonElement,
        TypeKind.Array => $"global::System.Collections.Generic.IReadOnlyList<{Of(type.Element!)}>",
        TypeKind.Map => $"global::System.Collections.Generic.IReadOnlyDictionary<string, {Of(type.Element!)}>",
        TypeKind.Object or TypeKind.Enum or TypeKind.IntegerEnum or TypeKind.Union or TypeKind.PrimitiveUnion or TypeKind.ValueUnion => Named(type.Name!),
    };

    /// <summary>The C# type as a method parameter (sequences are taken as IEnumerable).</summary>
    public string OfParameter(TypeRef type) => type.Kind == TypeKind.Array
        ? $"global::System.Collections.Generic.IEnumerable<{Of(type.Element!)}>"
        : Of(type);

    /// <summary>The type of the local a property is read into (always nullable).</summary>
    public string Local(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => $"global::System.Collections.Generic.List<{Of(type.Element!)}>?",
        TypeKind.Map => $"global::System.Collections.Generic.Dictionary<string, {Of(type.Element!)}>?",
        TypeKind.String or TypeKind.Boolean or TypeKind.Integer or TypeKind.Number or TypeKind.DateTime or TypeKind.Any
            or TypeKind.Object or TypeKind.Enum or TypeKind.IntegerEnum or TypeKind.Union or TypeKind.PrimitiveUnion or TypeKind.ValueUnion => Of(type) + "?",
    };

    /// <summary>An expression that reads the value at <paramref name="reader"/>; JSON null gives null.</summary>
    public string Read(TypeRef type, string reader, int depth = 0) => type.Kind switch
    {
        TypeKind.String => $"{JsonRead}.String(ref {reader})",
        TypeKind.Boolean => $"{JsonRead}.Boolean(ref {reader})",
        TypeKind.Integer => type.Format == NumberFormat.Int32 ? $"{JsonReadNumber}.Int32(ref {reader})" : $"{JsonRead}.Int64(ref {reader})",
        TypeKind.Number => type.Format == NumberFormat.Decimal ? $"{JsonReadNumber}.Decimal(ref {reader})" : $"{JsonRead}.Double(ref {reader})",
        TypeKind.DateTime => $"{JsonRead}.DateTimeOffset(ref {reader})",
        TypeKind.Any => $"{JsonRead}.Element(ref {reader})",
        TypeKind.Array when IsNamed(type.Element!.Kind) => $"{JsonRead}.Models<{Of(type.Element!)}>(ref {reader})",
        TypeKind.Array => $"{JsonRead}.List<{Of(type.Element!)}>(ref {reader}, static (ref {Reader} r{depth}) => {ReadItem(type.Element!, "r" + depth, depth + 1)})",
        TypeKind.Map => $"{JsonRead}.Map<{Of(type.Element!)}>(ref {reader}, static (ref {Reader} r{depth}) => {ReadItem(type.Element!, "r" + depth, depth + 1)})",
        // JSON null is null; an object or enum of another JSON kind is read leniently as null (and reported) by the
        // runtime's start check, unless strict reading is on. Unions check their kinds themselves.
        TypeKind.Object => $"{JsonRead}.Object<{Named(type.Name!)}>(ref {reader}, {Literal(type.Name!)})",
        TypeKind.Enum => $"{JsonRead}.Enum<{Named(type.Name!)}>(ref {reader}, {Literal(type.Name!)})",
        TypeKind.IntegerEnum => $"{JsonRead}.IntegerEnum<{Named(type.Name!)}>(ref {reader}, {Literal(type.Name!)})",
        TypeKind.Union => $"{JsonRead}.Union<{Named(type.Name!)}>(ref {reader})",
        TypeKind.PrimitiveUnion or TypeKind.ValueUnion => $"{JsonRead}.ValueUnion<{Named(type.Name!)}>(ref {reader})",
    };

    private static string Literal(string text) => SourceWriter.Literal(text);

    /// <summary>An expression that reads a value that may not be null (array and map items).</summary>
    public string ReadItem(TypeRef type, string reader, int depth = 0) => type.Kind switch
    {
        TypeKind.Any => Read(type, reader, depth),
        TypeKind.Object or TypeKind.Enum or TypeKind.IntegerEnum or TypeKind.Union or TypeKind.PrimitiveUnion or TypeKind.ValueUnion => $"{Named(type.Name!)}.ReadJson(ref {reader})",
        TypeKind.String or TypeKind.Boolean or TypeKind.Integer or TypeKind.Number or TypeKind.DateTime or TypeKind.Array or TypeKind.Map
            => $"({Read(type, reader, depth)} ?? throw {JsonRead}.NullItem())",
    };

    /// <summary>A statement that writes <paramref name="value"/> (not null) with <paramref name="writer"/>.</summary>
    public string Write(TypeRef type, string writer, string value, int depth = 0) => type.Kind switch
    {
        TypeKind.String or TypeKind.DateTime => $"{writer}.WriteStringValue({value});",
        TypeKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        TypeKind.Integer or TypeKind.Number => $"{writer}.WriteNumberValue({value});",
        TypeKind.Any => $"{value}.WriteTo({writer});",
        TypeKind.Array when IsNamed(type.Element!.Kind) => $"{JsonWrite}.Models<{Of(type.Element!)}>({writer}, {value});",
        TypeKind.Array => $"{JsonWrite}.List<{Of(type.Element!)}>({writer}, {value}, static (w{depth}, v{depth}) => {{ {Write(type.Element!, "w" + depth, "v" + depth, depth + 1)} }});",
        TypeKind.Map => $"{JsonWrite}.Map<{Of(type.Element!)}>({writer}, {value}, static (w{depth}, v{depth}) => {{ {Write(type.Element!, "w" + depth, "v" + depth, depth + 1)} }});",
        TypeKind.Object or TypeKind.Enum or TypeKind.IntegerEnum or TypeKind.Union or TypeKind.PrimitiveUnion or TypeKind.ValueUnion => $"{Named(type.Name!)}.WriteJson({writer}, {value});",
    };

    /// <summary>
    /// A statement that writes the property <paramref name="utf8Name"/> of <paramref name="value"/> (which may be null:
    /// then nothing is written, or JSON null when <paramref name="writeNull"/>), one runtime call per property.
    /// </summary>
    public string WriteProperty(TypeRef type, string writer, string utf8Name, string value, bool writeNull)
    {
        var tail = $"{writer}, {utf8Name}, {value}";
        var flag = writeNull ? "true" : "false";
        return type.Kind switch
        {
            TypeKind.String => $"{JsonWriteProperty}.String({tail}, {flag});",
            TypeKind.Boolean => $"{JsonWriteProperty}.Boolean({tail}, {flag});",
            TypeKind.Integer => $"{JsonWriteProperty}.{(type.Format == NumberFormat.Int32 ? "Int32" : "Int64")}({tail}, {flag});",
            TypeKind.Number => $"{JsonWriteProperty}.{(type.Format == NumberFormat.Decimal ? "Decimal" : "Double")}({tail}, {flag});",
            TypeKind.DateTime => $"{JsonWriteProperty}.DateTimeOffset({tail}, {flag});",
            TypeKind.Any => $"{JsonWriteProperty}.Element({tail}, {flag});",
            TypeKind.Array when IsNamed(type.Element!.Kind) => $"{JsonWriteProperty}.Models<{Of(type.Element!)}>({tail}, {flag});",
            TypeKind.Array => $"{JsonWriteProperty}.List<{Of(type.Element!)}>({tail}, static (w0, v0) => {{ {Write(type.Element!, "w0", "v0", 1)} }}, {flag});",
            TypeKind.Map => $"{JsonWriteProperty}.Map<{Of(type.Element!)}>({tail}, static (w0, v0) => {{ {Write(type.Element!, "w0", "v0", 1)} }}, {flag});",
            TypeKind.Object or TypeKind.Union => $"{JsonWriteProperty}.Model<{Of(type)}>({tail}, {flag});",
            TypeKind.Enum or TypeKind.IntegerEnum or TypeKind.PrimitiveUnion or TypeKind.ValueUnion => $"{JsonWriteProperty}.Value<{Of(type)}>({tail}, {flag});",
        };
    }

    /// <summary>A <c>JsonReadFunc&lt;T&gt;</c> lambda for a whole value of <paramref name="type"/> (not null).</summary>
    // A lambda, not the method group X.ReadJson: a delegate to a static method is invoked through a shuffle thunk, a
    // lambda's (an instance method of a cached closure) is not; the per-item read of a page is on the hot path.
    public string ReadFunc(TypeRef type) => $"static (ref {Reader} reader) => {ReadItem(type, "reader")}";

    /// <summary>A <c>JsonWriteAction&lt;T&gt;</c> lambda for a whole value of <paramref name="type"/>.</summary>
    public string WriteFunc(TypeRef type) => $"static (writer, value) => {{ {Write(type, "writer", "value")} }}";
}
