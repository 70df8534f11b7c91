using System.Linq;
using Cloudflare.OpenApi.Generator.Model;

// Switches over JsonKind/TypeKind list every kind without a default, so a new kind fails to compile here (CS8509).
#pragma warning disable CS8524

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>
/// Unions told apart by JSON kind (<c>string | Dog | string[]</c>): a struct with one field per case, read by a single
/// look at the first token (no buffering, no second pass), and a raw-JSON fallback for any other kind.
/// </summary>
internal static partial class TypeEmitter
{
    private static void EmitValueUnion(SourceWriter w, TypeNames names, GenerationContext context, ValueUnionSpec u)
    {
        var cases = u.Cases.Select((c, i) => (Case: c, Tag: i + 1, Field: "_c" + (i + 1), CSharp: names.Of(c.Type))).ToList();
        var other = cases.Count + 1;
        w.WriteSummary(u.Description, $"A value that is one of: {string.Join(", ", cases.Select(c => Describe(c.Case.Kind)))}.");
        w.WriteLine("/// <remarks>");
        w.WriteLine("/// Told apart by the kind of JSON value; any other kind is kept as it came: see <see cref=\"IsOther\"/> and <see cref=\"OtherJson\"/>.");
        w.WriteLine("/// </remarks>");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine($"[{Attr}.JsonConverter(typeof({names.Converter(u.Name)}))]");
        w.OpenBlock($"public readonly partial struct {u.Name} : global::System.IEquatable<{u.Name}>, {names.Serializable(u.Name)}");
        w.WriteLine("private readonly int _kind;");
        foreach (var c in cases)
        {
            w.WriteLine($"private readonly {c.CSharp}{(c.Case.Type.IsValueType ? string.Empty : "?")} {c.Field};");
        }

        w.WriteLine($"private readonly {TypeNames.JsonElement} _other;");
        foreach (var c in cases)
        {
            w.WriteLine();
            w.WriteLine($"/// <summary>Creates a value holding {Describe(c.Case.Kind)}.</summary>");
            w.WriteLine("/// <param name=\"value\">The value.</param>");
            w.OpenBlock($"public {u.Name}({c.CSharp} value)");
            w.WriteLine($"_kind = {c.Tag};");
            w.WriteLine(c.Case.Type.IsValueType ? $"{c.Field} = value;" : $"{c.Field} = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            foreach (var rest in cases.Where(r => r.Tag != c.Tag))
            {
                w.WriteLine($"{rest.Field} = default;");
            }

            w.WriteLine("_other = default;");
            w.CloseBlock();
        }

        // The kind is a parameter so that this constructor never has the signature of a case's: a case may itself be a
        // JsonElement (several untagged object branches), and two (JsonElement) constructors would not compile (CS0111).
        w.WriteLine();
        w.OpenBlock($"private {u.Name}(int kind, {TypeNames.JsonElement} other)");
        w.WriteLine("_kind = kind;");
        foreach (var c in cases)
        {
            w.WriteLine($"{c.Field} = default;");
        }

        w.WriteLine("_other = other;");
        w.CloseBlock();

        foreach (var c in cases)
        {
            var what = Describe(c.Case.Kind);
            w.WriteLine();
            w.WriteLine($"/// <summary>Whether the value is {what}.</summary>");
            w.WriteLine($"public bool Is{c.Case.Name} => _kind == {c.Tag};");
            w.WriteLine();
            w.WriteLine($"/// <summary>The value as {what}; throws when it is something else.</summary>");
            w.WriteLine($"/// <exception cref=\"global::System.InvalidOperationException\">The value is not {what}.</exception>");
            w.WriteLine($"public {c.CSharp} As{c.Case.Name}() => _kind == {c.Tag} ? {c.Field}! : throw new global::System.InvalidOperationException(\"The value is not {what}.\");");
            w.WriteLine();
            w.WriteLine($"/// <summary>Gets the value as {what}, if it is one.</summary>");
            w.WriteLine("/// <param name=\"value\">The value.</param>");
            w.OpenBlock($"public bool TryGet{c.Case.Name}(out {c.CSharp} value)");
            w.WriteLine($"value = {c.Field}!;");
            w.WriteLine($"return _kind == {c.Tag};");
            w.CloseBlock();

            // C# has no user-defined conversions from interfaces (lists, maps) or from JsonElement (too surprising).
            if (c.Case.Type.Kind is not (TypeKind.Array or TypeKind.Map or TypeKind.Any))
            {
                w.WriteLine();
                w.WriteLine($"/// <summary>Converts {what}.</summary>");
                w.WriteLine($"public static implicit operator {u.Name}({c.CSharp} value) => new(value);");
            }
        }

        EmitOtherJsonMembers(w, u.Name, other, $"{other}, json.Clone()");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock($"public bool Equals({u.Name} other) => _kind == other._kind && _kind switch");
        foreach (var c in cases)
        {
            w.WriteLine($"{c.Tag} => {Equality}.AreEqual({c.Field}, other.{c.Field}),");
        }

        w.WriteLine($"{other} => {Equality}.JsonDeepEquals(_other, other._other),");
        w.WriteLine("_ => true,");
        w.CloseBlock(";");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public override bool Equals(object? obj) => obj is {u.Name} other && Equals(other);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock("public override int GetHashCode() => _kind switch");
        foreach (var c in cases)
        {
            w.WriteLine($"{c.Tag} => global::System.HashCode.Combine({c.Tag}, {Equality}.Hash({c.Field})),");
        }

        w.WriteLine("_ => _kind,");
        w.CloseBlock(";");
        EmitEqualityOperators(w, u.Name);
        EmitValueUnionJson(w, names, u);
        w.CloseBlock();
    }

    private static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.String => "a string",
        JsonKind.Integer => "an integer",
        JsonKind.Number => "a number",
        JsonKind.Boolean => "a boolean",
        JsonKind.Object => "an object",
        JsonKind.Array => "a list",
    };

    /// <summary>The union's JSON code: read by the kind of JSON value; an undeclared kind is kept.</summary>
    private static void EmitValueUnionJson(SourceWriter w, TypeNames names, ValueUnionSpec u)
    {
        var type = names.Named(u.Name);
        OpenReadJson(w, type, "Reads the value at the reader.", hides: false);
        w.OpenBlock("switch (reader.TokenType)");
        ValueUnionCaseSpec? Case(JsonKind kind) => u.Cases.FirstOrDefault(c => c.Kind == kind);
        void ReadCase(string token, JsonKind kind)
        {
            if (Case(kind) is { } c)
            {
                w.WriteLine($"case global::System.Text.Json.JsonTokenType.{token}:");
                w.WriteLine($"    return new {type}({names.ReadItem(c.Type, "reader")});");
            }
        }

        ReadCase("String", JsonKind.String);
        ReadCase("StartObject", JsonKind.Object);
        ReadCase("StartArray", JsonKind.Array);
        if (Case(JsonKind.Integer) is { } integer)
        {
            w.WriteLine("case global::System.Text.Json.JsonTokenType.Number:");
            var tryGet = integer.Type.Format == NumberFormat.Int32 ? "TryGetInt32" : "TryGetInt64";
            w.WriteLine($"    if (reader.{tryGet}(out var integer)) return new {type}(integer);");
            w.WriteLine(Case(JsonKind.Number) is { } number ? $"    return new {type}({names.ReadItem(number.Type, "reader")});" : "    break;");
        }
        else
        {
            ReadCase("Number", JsonKind.Number);
        }

        if (Case(JsonKind.Boolean) is not null)
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
        var index = 0;
        foreach (var c in u.Cases)
        {
            var local = "c" + index++;
            w.WriteLine($"if (value.TryGet{c.Name}(out var {local})) {{ {names.Write(c.Type, "writer", local)} return; }}");
        }

        w.WriteLine("if (value.OtherJson is { } other) { other.WriteTo(writer); return; }");
        w.WriteLine("writer.WriteNullValue();");
        w.CloseBlock();
    }
}
