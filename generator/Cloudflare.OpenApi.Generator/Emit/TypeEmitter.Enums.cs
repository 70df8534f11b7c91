using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>Open enums (readonly structs that keep unknown values) and their converters.</summary>
internal static partial class TypeEmitter
{
    private static void EmitEnum(SourceWriter w, TypeNames names, GenerationContext context, EnumSpec e)
    {
        // The two spellings of a value: a string (as the API spells it) or an integer (a long, compared by value).
        var valueType = e.IsInteger ? "long" : "string";
        string Constant(string value) => e.IsInteger ? value : SourceWriter.Literal(value);

        w.WriteSummary(e.Description, $"The <c>{e.Name}</c> values.");
        w.WriteLine("/// <remarks>");
        w.WriteLine("/// An open enum: values the API adds later are kept (see <see cref=\"IsKnown\"/>) instead of failing to read.");
        w.WriteLine("/// </remarks>");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine($"[{Attr}.JsonConverter(typeof({names.Converter(e.Name)}))]");
        w.OpenBlock($"public readonly partial struct {e.Name} : global::System.IEquatable<{e.Name}>, {names.Serializable(e.Name)}");
        w.WriteLine(e.IsInteger ? "private readonly long _value;" : "private readonly string? _value;");
        w.WriteLine();
        w.WriteLine("/// <summary>Creates a value (known or not).</summary>");
        w.WriteLine("/// <param name=\"value\">The value as the API spells it.</param>");
        w.WriteLine(e.IsInteger
            ? $"public {e.Name}(long value) => _value = value;"
            : $"public {e.Name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        foreach (var member in e.Members)
        {
            w.WriteLine();
            w.WriteLine($"/// <summary><c>{SourceWriter.EscapeXml(member.Value)}</c></summary>");
            w.WriteLine($"public static {e.Name} {member.Name} {{ get; }} = new({Constant(member.Value)});");
        }

        w.WriteLine();
        w.WriteLine("/// <summary>Every value this version of the SDK knows.</summary>");
        w.WriteLine($"public static global::System.Collections.Generic.IReadOnlyList<{e.Name}> KnownValues {{ get; }} = new[] {{ {string.Join(", ", e.Members.Select(m => m.Name))} }};");
        w.WriteLine();
        w.WriteLine("/// <summary>The value as the API spells it.</summary>");
        w.WriteLine(e.IsInteger ? "public long Value => _value;" : "public string Value => _value ?? string.Empty;");
        w.WriteLine();
        w.WriteLine("/// <summary>Whether this version of the SDK knows the value.</summary>");
        w.WriteLine($"public bool IsKnown => Value switch {{ {string.Join(" or ", e.Members.Select(m => Constant(m.Value)))} => true, _ => false }};");
        w.WriteLine();
        w.WriteLine($"/// <summary>Converts a {(e.IsInteger ? "number" : "string")} to a value.</summary>");
        w.WriteLine($"public static implicit operator {e.Name}({valueType} value) => new(value);");
        w.WriteLine();
        w.WriteLine(e.IsInteger ? "/// <summary>Compares two values.</summary>" : "/// <summary>Compares two values (ordinal).</summary>");
        w.WriteLine($"public static bool operator ==({e.Name} left, {e.Name} right) => left.Equals(right);");
        w.WriteLine();
        w.WriteLine(e.IsInteger ? "/// <summary>Compares two values.</summary>" : "/// <summary>Compares two values (ordinal).</summary>");
        w.WriteLine($"public static bool operator !=({e.Name} left, {e.Name} right) => !left.Equals(right);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine(e.IsInteger
            ? $"public bool Equals({e.Name} other) => Value == other.Value;"
            : $"public bool Equals({e.Name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public override bool Equals(object? obj) => obj is {e.Name} other && Equals(other);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine(e.IsInteger ? "public override int GetHashCode() => Value.GetHashCode();" : "public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine(e.IsInteger ? "public override string ToString() => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);" : "public override string ToString() => Value;");
        EmitEnumJson(w, names, e);
        w.CloseBlock();
    }

    /// <summary>The enum's JSON code: known values without allocating, unknown ones kept.</summary>
    private static void EmitEnumJson(SourceWriter w, TypeNames names, EnumSpec e)
    {
        var type = names.Named(e.Name);
        if (e.IsInteger)
        {
            // A struct over a long allocates nothing, known or not: no table of known values to look up.
            OpenReadJson(w, type, "Reads the value at the reader.", hides: false);
            w.OpenBlock("if (reader.TokenType != global::System.Text.Json.JsonTokenType.Number || !reader.TryGetInt64(out var value))");
            w.WriteLine($"throw {TypeNames.JsonRead}.Unexpected(ref reader, {SourceWriter.Literal("an integer (" + e.Name + ")")});");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine($"return new {type}(value);");
            w.CloseBlock();
            OpenWriteJson(w, type, "Writes the value.", "writer.WriteNumberValue(value.Value);");
            return;
        }

        OpenReadJson(w, type, "Reads the value at the reader (known values without allocating).", hides: false);
        w.OpenBlock("if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)");
        w.WriteLine($"throw {TypeNames.JsonRead}.Unexpected(ref reader, {SourceWriter.Literal("a string (" + e.Name + ")")});");
        w.CloseBlock();
        w.WriteLine();
        foreach (var member in e.Members)
        {
            w.WriteLine($"if (reader.ValueTextEquals({Utf8(member.Value)})) return {type}.{member.Name};");
        }

        w.WriteLine($"return new {type}(reader.GetString()!);");
        w.CloseBlock();
        OpenWriteJson(w, type, "Writes the value.", "writer.WriteStringValue(value.Value);");
    }
}
