using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>Emits one generated type, with its reflection-free JSON code, per file.</summary>
internal static partial class TypeEmitter
{
    private const string Attr = "global::System.Text.Json.Serialization";
    private const string Equality = "global::Cloudflare.OpenApi.Serialization.ValueEquality";
    private const string NeverBrowsable = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    public static string Emit(GenerationContext context, TypeSpec type)
    {
        var names = new TypeNames(context.Namespace);
        Action<SourceWriter> declaration = type switch
        {
            ObjectSpec o => w => EmitObject(w, names, context, o),
            EnumSpec e => w => EmitEnum(w, names, context, e),
            UnionSpec u => w => EmitUnion(w, names, context, u),
            PrimitiveUnionSpec p => w => EmitPrimitiveUnion(w, names, context, p),
            ValueUnionSpec v => w => EmitValueUnion(w, names, context, v),
            ObjectChoiceSpec c => w => EmitObjectChoice(w, names, context, c),
            VariantWrapperSpec v => w => EmitVariantWrapper(w, names, context, v),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.GetType().Name, "Unknown type spec."),
        };

        // One type per file; its JSON code (ReadJson/WriteJson) is part of it, and JsonModelConverter<T> is the one
        // System.Text.Json converter for all of them, so no converter class per type (half as many types to compile).
        var writer = new SourceWriter();
        Header.Write(writer);
        writer.OpenBlock($"namespace {context.Namespace}");
        declaration(writer);
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

    /// <summary>The documented, IntelliSense-hidden header of a type's static <c>ReadJson</c>.</summary>
    /// <param name="hides">The type derives from a union, whose own ReadJson (same parameters) it hides.</param>
    private static void OpenReadJson(SourceWriter w, string type, string summary, bool hides)
    {
        w.WriteLine();
        w.WriteLine($"/// <summary>{summary}</summary>");
        w.WriteLine("/// <param name=\"reader\">The reader, on the value's first token.</param>");
        w.WriteLine(NeverBrowsable);
        w.OpenBlock($"public static {(hides ? "new " : string.Empty)}{type} ReadJson(ref {TypeNames.Reader} reader)");
    }

    /// <summary>
    /// The header of a type's static <c>WriteJson</c>: a block, or an expression body when <paramref name="expression"/>
    /// is given. A variant's WriteJson overloads its union's (the parameter types differ), so it never hides it.
    /// </summary>
    private static void OpenWriteJson(SourceWriter w, string type, string summary, string? expression = null)
    {
        w.WriteLine();
        w.WriteLine($"/// <summary>{summary}</summary>");
        w.WriteLine("/// <param name=\"writer\">The writer.</param>");
        w.WriteLine("/// <param name=\"value\">The value.</param>");
        w.WriteLine(NeverBrowsable);
        var header = $"public static void WriteJson({TypeNames.Writer} writer, {type} value)";
        if (expression is null)
        {
            w.OpenBlock(header);
        }
        else
        {
            w.WriteLine($"{header} => {expression}");
        }
    }
}
