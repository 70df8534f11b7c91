using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>Emits one generated type (and its JSON converter) per file.</summary>
internal static partial class TypeEmitter
{
    private const string Attr = "global::System.Text.Json.Serialization";
    private const string Equality = "global::Cloudflare.OpenApi.Serialization.ValueEquality";
    private const string NeverBrowsable = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    public static string Emit(GenerationContext context, TypeSpec type)
    {
        var names = new TypeNames(context.Namespace);
        (Action<SourceWriter> declaration, Action<SourceWriter> converter) = type switch
        {
            ObjectSpec o => ((Action<SourceWriter>)(w => EmitObject(w, names, context, o)), (Action<SourceWriter>)(w => EmitObjectConverter(w, names, context, o))),
            EnumSpec e => (w => EmitEnum(w, names, context, e), w => EmitEnumConverter(w, names, context, e)),
            UnionSpec u => (w => EmitUnion(w, names, context, u), w => EmitUnionConverter(w, names, context, u)),
            PrimitiveUnionSpec p => (w => EmitPrimitiveUnion(w, names, context, p), w => EmitPrimitiveUnionConverter(w, names, context, p)),
            ValueUnionSpec v => (w => EmitValueUnion(w, names, context, v), w => EmitValueUnionConverter(w, names, context, v)),
            VariantWrapperSpec v => (w => EmitVariantWrapper(w, names, context, v), w => EmitVariantWrapperConverter(w, names, context, v)),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.GetType().Name, "Unknown type spec."),
        };

        // The type in the API's namespace; its converter in ".Serialization", out of IntelliSense's way.
        var writer = new SourceWriter();
        Header.Write(writer);
        writer.OpenBlock($"namespace {context.Namespace}");
        declaration(writer);
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock($"namespace {names.SerializationNamespace}");
        converter(writer);
        writer.CloseBlock();
        return writer.ToString();
    }

    private static string GeneratedCode(GenerationContext context) =>
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"Cloudflare.OpenApi.Generator\", \"{context.GeneratorVersion}\")]";

    private static string PropertyType(TypeNames names, PropertySpec property) =>
        property.Required && !property.Nullable ? names.Of(property.Type) : names.Of(property.Type) + "?";

    /// <summary>A union struct's members for a JSON value of a kind the API does not declare.</summary>
    /// <param name="other">The kind tag of that case.</param>
    /// <param name="constructFromJson">The constructor arguments that wrap <c>json</c> (already cloned by the caller's expression).</param>
    private static void EmitOtherJsonMembers(SourceWriter w, string type, int other, string constructFromJson)
    {
        w.WriteLine();
        w.WriteLine("/// <summary>Whether the JSON held a kind of value the API does not declare (kept in <see cref=\"OtherJson\"/>).</summary>");
        w.WriteLine($"public bool IsOther => _kind == {other};");
        w.WriteLine();
        w.WriteLine("/// <summary>The undeclared JSON value, when <see cref=\"IsOther\"/>.</summary>");
        w.WriteLine($"public {TypeNames.JsonElement}? OtherJson => _kind == {other} ? _other : null;");
        w.WriteLine();
        w.WriteLine("/// <summary>Wraps a JSON value of an undeclared kind.</summary>");
        w.WriteLine("/// <param name=\"json\">The value (cloned).</param>");
        w.WriteLine($"public static {type} FromOtherJson({TypeNames.JsonElement} json) => new({constructFromJson});");
    }

    /// <summary>The <c>==</c> and <c>!=</c> operators over the type's <c>Equals</c>.</summary>
    private static void EmitEqualityOperators(SourceWriter w, string type)
    {
        w.WriteLine();
        w.WriteLine("/// <summary>Compares two values.</summary>");
        w.WriteLine($"public static bool operator ==({type} left, {type} right) => left.Equals(right);");
        w.WriteLine();
        w.WriteLine("/// <summary>Compares two values.</summary>");
        w.WriteLine($"public static bool operator !=({type} left, {type} right) => !left.Equals(right);");
    }

    private static string Utf8(string text) => SourceWriter.Literal(text) + "u8";

    // startCheck: the runtime's lenient check for the value's JSON kind (JsonRead.StartsObject, StartsString), through
    // which ReadNullable reads a value of another kind as null (and reports it) unless strict reading is on.
    private static void EmitConverterBoilerplate(SourceWriter w, string type, (string Method, string TypeName)? startCheck = null)
    {
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public override {type} Read(ref {TypeNames.Reader} reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => ReadValue(ref reader);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public override void Write({TypeNames.Writer} writer, {type} value, global::System.Text.Json.JsonSerializerOptions options) => WriteValue(writer, value);");
        w.WriteLine();
        w.WriteLine("/// <summary>Reads the value at the reader, or null for JSON null.</summary>");
        w.OpenBlock($"public static {type}? ReadNullable(ref {TypeNames.Reader} reader)");
        w.WriteLine(startCheck is { } check
            ? $"if (!{TypeNames.JsonRead}.{check.Method}(ref reader, {SourceWriter.Literal(check.TypeName)})) return null;"
            : "if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) return null;");
        w.WriteLine("return ReadValue(ref reader);");
        w.CloseBlock();
    }
}
