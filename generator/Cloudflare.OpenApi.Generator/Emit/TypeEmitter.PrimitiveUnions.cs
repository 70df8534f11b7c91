using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>Unions of primitive kinds (string | number): a struct with a raw-JSON fallback.</summary>
internal static partial class TypeEmitter
{
    private static readonly Dictionary<TypeKind, (string Case, string CSharp, string Field)> s_primitiveCases = new()
    {
        [TypeKind.String] = ("String", "string", "_string"),
        [TypeKind.Boolean] = ("Boolean", "bool", "_boolean"),
        [TypeKind.Integer] = ("Integer", "long", "_integer"),
        [TypeKind.Number] = ("Number", "double", "_number"),
    };

    private static IEnumerable<(int Tag, string Case, string CSharp, string Field, TypeKind Kind)> Cases(PrimitiveUnionSpec p) =>
        p.Cases.Select((c, i) =>
        {
            var kind = c.Kind == TypeKind.DateTime ? TypeKind.String : c.Kind;
            var info = s_primitiveCases[kind];
            return (i + 1, info.Case, info.CSharp, info.Field, kind);
        });

    private static void EmitPrimitiveUnion(SourceWriter w, TypeNames names, GenerationContext context, PrimitiveUnionSpec p)
    {
        var cases = Cases(p).ToList();
        var other = cases.Count + 1;
        w.WriteSummary(p.Description, $"A value that is one of: {string.Join(", ", cases.Select(c => c.Case.ToLowerInvariant()))}.");
        w.WriteLine("/// <remarks>");
        w.WriteLine("/// A JSON value of any other kind (an object, say) is kept as it came: see <see cref=\"IsOther\"/> and <see cref=\"OtherJson\"/>.");
        w.WriteLine("/// </remarks>");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine($"[{Attr}.JsonConverter(typeof({names.Converter(p.Name)}))]");
        w.OpenBlock($"public readonly partial struct {p.Name} : global::System.IEquatable<{p.Name}>, {names.Serializable(p.Name)}");
        w.WriteLine("private readonly int _kind;");
        foreach (var c in cases)
        {
            w.WriteLine($"private readonly {c.CSharp}{(c.CSharp == "string" ? "?" : string.Empty)} {c.Field};");
        }

        w.WriteLine($"private readonly {TypeNames.JsonElement} _other;");
        foreach (var c in cases)
        {
            w.WriteLine();
            w.WriteLine($"/// <summary>Creates a {c.Case.ToLowerInvariant()} value.</summary>");
            w.WriteLine("/// <param name=\"value\">The value.</param>");
            w.OpenBlock($"public {p.Name}({c.CSharp} value)");
            w.WriteLine($"_kind = {c.Tag};");
            w.WriteLine(c.CSharp == "string" ? $"{c.Field} = value ?? throw new global::System.ArgumentNullException(nameof(value));" : $"{c.Field} = value;");
            foreach (var rest in cases.Where(r => r.Tag != c.Tag))
            {
                w.WriteLine($"{rest.Field} = default;");
            }

            w.WriteLine("_other = default;");
            w.CloseBlock();
        }

        w.WriteLine();
        w.OpenBlock($"private {p.Name}({TypeNames.JsonElement} other)");
        w.WriteLine($"_kind = {other};");
        foreach (var c in cases)
        {
            w.WriteLine($"{c.Field} = default;");
        }

        w.WriteLine("_other = other;");
        w.CloseBlock();

        foreach (var c in cases)
        {
            var lower = c.Case.ToLowerInvariant();
            w.WriteLine();
            w.WriteLine($"/// <summary>Whether the value is a {lower}.</summary>");
            w.WriteLine($"public bool Is{c.Case} => _kind == {c.Tag};");
            w.WriteLine();
            w.WriteLine($"/// <summary>The {lower}; throws when the value is something else.</summary>");
            w.WriteLine($"/// <exception cref=\"global::System.InvalidOperationException\">The value is not a {lower}.</exception>");
            w.WriteLine($"public {c.CSharp} As{c.Case}() => _kind == {c.Tag} ? {c.Field}{(c.CSharp == "string" ? "!" : string.Empty)} : throw new global::System.InvalidOperationException(\"The value is \" + Describe() + \", not a {lower}.\");");
            w.WriteLine();
            w.WriteLine($"/// <summary>Gets the {lower}, if the value is one.</summary>");
            w.WriteLine("/// <param name=\"value\">The value.</param>");
            w.WriteLine($"public bool TryGet{c.Case}(out {c.CSharp} value)");
            w.WriteLine("{");
            w.WriteLine($"    value = {c.Field}{(c.CSharp == "string" ? "!" : string.Empty)};");
            w.WriteLine($"    return _kind == {c.Tag};");
            w.WriteLine("}");
            w.WriteLine();
            w.WriteLine($"/// <summary>Converts a {lower}.</summary>");
            w.WriteLine($"public static implicit operator {p.Name}({c.CSharp} value) => new(value);");
        }

        EmitOtherJsonMembers(w, p.Name, other, "json.Clone()");
        w.WriteLine();
        w.OpenBlock("private string Describe() => _kind switch");
        foreach (var c in cases)
        {
            w.WriteLine($"{c.Tag} => \"a {c.Case.ToLowerInvariant()}\",");
        }

        w.WriteLine($"{other} => \"JSON \" + _other.ValueKind.ToString().ToLowerInvariant(),");
        w.WriteLine("_ => \"empty\",");
        w.CloseBlock(";");
        w.WriteLine();
        w.WriteLine("/// <summary>The string, the number in invariant culture, or the raw JSON.</summary>");
        w.OpenBlock("public override string ToString() => _kind switch");
        foreach (var c in cases)
        {
            var text = c.Kind switch
            {
                TypeKind.String => c.Field + "!",
                TypeKind.Boolean => $"({c.Field} ? \"true\" : \"false\")",
                TypeKind.Number => $"{c.Field}.ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture)",
                _ => $"{c.Field}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
            };
            w.WriteLine($"{c.Tag} => {text},");
        }

        w.WriteLine($"{other} => _other.GetRawText(),");
        w.WriteLine("_ => string.Empty,");
        w.CloseBlock(";");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock($"public bool Equals({p.Name} other) => _kind == other._kind && _kind switch");
        foreach (var c in cases)
        {
            w.WriteLine(c.CSharp == "string"
                ? $"{c.Tag} => string.Equals({c.Field}, other.{c.Field}, global::System.StringComparison.Ordinal),"
                : $"{c.Tag} => {c.Field}.Equals(other.{c.Field}),");
        }

        w.WriteLine($"{other} => {Equality}.JsonDeepEquals(_other, other._other),");
        w.WriteLine("_ => true,");
        w.CloseBlock(";");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public override bool Equals(object? obj) => obj is {p.Name} other && Equals(other);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        // Hash what Equals compares (0.0 and -0.0 are equal, so their hashes must be too: double's own hash agrees).
        w.OpenBlock("public override int GetHashCode() => _kind switch");
        foreach (var c in cases)
        {
            w.WriteLine(c.CSharp == "string"
                ? $"{c.Tag} => global::System.HashCode.Combine({c.Tag}, global::System.StringComparer.Ordinal.GetHashCode({c.Field}!)),"
                : $"{c.Tag} => global::System.HashCode.Combine({c.Tag}, {c.Field}),");
        }

        w.WriteLine("_ => _kind,");
        w.CloseBlock(";");
        EmitEqualityOperators(w, p.Name);
        EmitPrimitiveUnionJson(w, names, p);
        w.CloseBlock();
    }

    /// <summary>The union's JSON code: read by the JSON token's kind; a value of an undeclared kind is kept.</summary>
    private static void EmitPrimitiveUnionJson(SourceWriter w, TypeNames names, PrimitiveUnionSpec p)
    {
        var type = names.Named(p.Name);
        var cases = Cases(p).ToList();
        OpenReadJson(w, type, "Reads the value at the reader.", hides: false);
        w.OpenBlock("switch (reader.TokenType)");
        if (cases.Any(c => c.Kind == TypeKind.String))
        {
            w.WriteLine("case global::System.Text.Json.JsonTokenType.String:");
            w.WriteLine($"    return new {type}(reader.GetString()!);");
        }

        var number = cases.FirstOrDefault(c => c.Kind == TypeKind.Number);
        var integer = cases.FirstOrDefault(c => c.Kind == TypeKind.Integer);
        if (number.Case is not null || integer.Case is not null)
        {
            w.WriteLine("case global::System.Text.Json.JsonTokenType.Number:");
            if (integer.Case is not null)
            {
                w.WriteLine($"    if (reader.TryGetInt64(out var integer)) return new {type}(integer);");
            }

            w.WriteLine(number.Case is not null
                ? $"    return new {type}(reader.GetDouble());"
                : $"    break;");
        }

        if (cases.Any(c => c.Kind == TypeKind.Boolean))
        {
            w.WriteLine("case global::System.Text.Json.JsonTokenType.True:");
            w.WriteLine($"    return new {type}(true);");
            w.WriteLine("case global::System.Text.Json.JsonTokenType.False:");
            w.WriteLine($"    return new {type}(false);");
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"return {type}.FromOtherJson({TypeNames.JsonRead}.Element(ref reader));");
        w.CloseBlock();
        OpenWriteJson(w, type, "Writes the value.");
        foreach (var c in cases)
        {
            var write = c.Kind switch
            {
                TypeKind.String => "writer.WriteStringValue(v);",
                TypeKind.Boolean => "writer.WriteBooleanValue(v);",
                _ => "writer.WriteNumberValue(v);",
            };
            w.WriteLine($"if (value.TryGet{c.Case}(out var v{c.Tag})) {{ var v = v{c.Tag}; {write} return; }}");
        }

        w.WriteLine("if (value.OtherJson is { } other) { other.WriteTo(writer); return; }");
        w.WriteLine("writer.WriteNullValue();");
        w.CloseBlock();
    }
}
