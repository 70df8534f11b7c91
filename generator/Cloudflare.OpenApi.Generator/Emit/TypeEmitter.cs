using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>Emits one generated type (and its JSON converter) per file.</summary>
internal static class TypeEmitter
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

    // ---------------------------------------------------------------- objects

    private static void EmitObject(SourceWriter w, TypeNames names, GenerationContext context, ObjectSpec o)
    {
        w.WriteSummary(o.Description, $"The <c>{o.Name}</c> schema.");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine($"[{Attr}.JsonConverter(typeof({names.Converter(o.Name)}))]");
        var baseType = o.BaseUnion is null ? string.Empty : " : " + names.Named(o.BaseUnion);
        w.OpenBlock($"public sealed partial record {o.Name}{baseType}");

        var first = true;
        if (o.BaseUnion is not null)
        {
            w.WriteLine($"/// <summary>The <c>{o.DiscriminatorJsonName}</c> tag of this variant: always <c>{SourceWriter.EscapeXml(o.DiscriminatorValue!)}</c>.</summary>");
            w.WriteLine($"public override string {o.DiscriminatorName} => {SourceWriter.Literal(o.DiscriminatorValue!)};");
            first = false;
        }

        foreach (var property in o.Properties)
        {
            if (!first)
            {
                w.WriteLine();
            }

            first = false;
            w.WriteSummary(property.Description, $"The <c>{SourceWriter.EscapeXml(property.JsonName)}</c> property.");
            w.WriteLine($"[{Attr}.JsonPropertyName({SourceWriter.Literal(property.JsonName)})]");
            var required = property.Required && !property.Nullable ? "required " : string.Empty;
            w.WriteLine($"public {required}{PropertyType(names, property)} {property.Name} {{ get; init; }}");
        }

        // Value equality over content: lists and JSON values compare by what they hold, so a model read back from
        // its own JSON equals the original.
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock($"public bool Equals({o.Name}? other)");
        if (o.Properties.Count == 0)
        {
            w.WriteLine("return other is not null;");
        }
        else
        {
            w.WriteLine("if (other is null) return false;");
            w.WriteLine("if (ReferenceEquals(this, other)) return true;");
            var terms = o.Properties.Select(p => $"{Equality}.AreEqual({p.Name}, other.{p.Name})");
            w.WriteLine("return " + string.Join("\n    && ", terms) + ";");
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.OpenBlock("public override int GetHashCode()");
        w.WriteLine("var hash = new global::System.HashCode();");
        w.WriteLine($"hash.Add({SourceWriter.Literal(o.Name)});");
        foreach (var property in o.Properties)
        {
            w.WriteLine($"hash.Add({Equality}.Hash({property.Name}));");
        }

        w.WriteLine("return hash.ToHashCode();");
        w.CloseBlock();

        if (o.HasValidate)
        {
            EmitValidate(w, o);
        }

        w.CloseBlock();
    }

    private static void EmitValidate(SourceWriter w, ObjectSpec o)
    {
        var patterns = new List<(string Field, string Pattern)>();
        w.WriteLine();
        w.WriteLine("/// <summary>Checks the constraints the API declares (length, pattern, range); the client calls it before sending.</summary>");
        w.WriteLine("/// <param name=\"parameterName\">The name reported in the exception.</param>");
        w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A value breaks a constraint.</exception>");
        w.OpenBlock("public void Validate(string parameterName = \"value\")");
        foreach (var property in o.Properties)
        {
            if (property.Constraints is not { IsEmpty: false } c)
            {
                continue;
            }

            var label = $"parameterName + \".{property.Name}\"";
            if (property.Type.Kind == TypeKind.String)
            {
                var pattern = "null";
                if (c.Pattern is not null)
                {
                    pattern = $"s_{char.ToLowerInvariant(property.Name[0])}{property.Name.Substring(1)}Pattern";
                    patterns.Add((pattern, c.Pattern));
                }

                w.WriteLine($"global::Cloudflare.OpenApi.Infrastructure.ParameterValidation.String({property.Name}, {label}, {Int(c.MinLength)}, {Int(c.MaxLength)}, {pattern}, {(c.Pattern is null ? "null" : SourceWriter.Literal(c.Pattern))});");
            }
            else if (property.Type.Kind is TypeKind.Integer or TypeKind.Number)
            {
                w.WriteLine($"global::Cloudflare.OpenApi.Infrastructure.ParameterValidation.Number({property.Name}, {label}, {Double(c.Minimum)}, {Bool(c.ExclusiveMinimum)}, {Double(c.Maximum)}, {Bool(c.ExclusiveMaximum)});");
            }
        }

        foreach (var property in o.Properties.Where(p => o.NestedValidation.Contains(p.Name)))
        {
            var label = $"parameterName + \".{property.Name}\"";
            if (property.Type.Kind == TypeKind.Array)
            {
                w.WriteLine($"if ({property.Name} is {{ }} {Local(property.Name)}) for (var i = 0; i < {Local(property.Name)}.Count; i++) {Local(property.Name)}[i]?.Validate({label} + \"[\" + i + \"]\");");
            }
            else
            {
                w.WriteLine($"{property.Name}?.Validate({label});");
            }
        }

        w.CloseBlock();
        foreach (var (field, pattern) in patterns)
        {
            w.WriteLine();
            w.WriteLine($"private static readonly global::System.Text.RegularExpressions.Regex {field} = new({SourceWriter.Literal(pattern)}, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));");
        }
    }

    private static string Local(string propertyName) => "__" + char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);

    internal static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    internal static string Double(double? value) => value is { } d ? d.ToString("R", CultureInfo.InvariantCulture) + "d" : "null";

    internal static string Bool(bool value) => value ? "true" : "false";

    private static void EmitObjectConverter(SourceWriter w, TypeNames names, GenerationContext context, ObjectSpec o)
    {
        var type = names.Named(o.Name);
        w.WriteLine($"/// <summary>Reads and writes <see cref=\"{type}\"/> as JSON without reflection.</summary>");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine(NeverBrowsable);
        w.OpenBlock($"public sealed class {o.Name}JsonConverter : {Attr}.JsonConverter<{type}>");
        var index = 0;
        if (o.DiscriminatorJsonName is not null)
        {
            w.WriteLine($"private static readonly global::System.Text.Json.JsonEncodedText s_tag = global::System.Text.Json.JsonEncodedText.Encode({SourceWriter.Literal(o.DiscriminatorJsonName)});");
        }

        foreach (var property in o.Properties)
        {
            w.WriteLine($"private static readonly global::System.Text.Json.JsonEncodedText s_p{index++} = global::System.Text.Json.JsonEncodedText.Encode({SourceWriter.Literal(property.JsonName)});");
        }

        EmitConverterBoilerplate(w, type);

        w.WriteLine();
        w.WriteLine("/// <summary>Reads the object at the reader.</summary>");
        w.OpenBlock($"public static {type} ReadValue(ref {TypeNames.Reader} reader)");
        w.WriteLine($"{TypeNames.JsonRead}.ExpectStartObject(ref reader, {SourceWriter.Literal(o.Name)});");
        index = 0;
        foreach (var property in o.Properties)
        {
            w.WriteLine($"{names.Local(property.Type)} p{index++} = default;");
        }

        w.OpenBlock("while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)");
        index = 0;
        foreach (var property in o.Properties)
        {
            var keyword = index == 0 ? "if" : "else if";
            w.OpenBlock($"{keyword} (reader.ValueTextEquals({Utf8(property.JsonName)}))");
            w.WriteLine("reader.Read();");
            w.WriteLine($"p{index} = {names.Read(property.Type, "reader")};");
            w.CloseBlock();
            index++;
        }

        if (o.Properties.Count == 0)
        {
            w.WriteLine("reader.Read();");
            w.WriteLine("reader.Skip();");
        }
        else
        {
            w.OpenBlock("else");
            w.WriteLine("reader.Read();");
            w.WriteLine("reader.Skip();");
            w.CloseBlock();
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"return new {type}");
        w.WriteLine("{");
        w.Indent();
        index = 0;
        foreach (var property in o.Properties)
        {
            var value = $"p{index++}";
            if (property.Required && !property.Nullable)
            {
                value += $" ?? throw {TypeNames.JsonRead}.MissingRequired({SourceWriter.Literal(o.Name)}, {SourceWriter.Literal(property.JsonName)})";
            }

            w.WriteLine($"{property.Name} = {value},");
        }

        w.Unindent();
        w.WriteLine("};");
        w.CloseBlock();

        w.WriteLine();
        w.WriteLine("/// <summary>Writes the object.</summary>");
        w.OpenBlock($"public static void WriteValue({TypeNames.Writer} writer, {type} value)");
        w.WriteLine("writer.WriteStartObject();");
        if (o.DiscriminatorJsonName is not null)
        {
            w.WriteLine($"writer.WriteString(s_tag, {SourceWriter.Literal(o.DiscriminatorValue!)});");
        }

        index = 0;
        foreach (var property in o.Properties)
        {
            var local = $"v{index}";
            w.OpenBlock($"if (value.{property.Name} is {{ }} {local})");
            w.WriteLine($"writer.WritePropertyName(s_p{index});");
            w.WriteLine(names.Write(property.Type, "writer", local));
            w.CloseBlock();
            if (property.Required && !property.Nullable)
            {
                w.OpenBlock("else");
                w.WriteLine($"writer.WriteNull(s_p{index});");
                w.CloseBlock();
            }

            index++;
        }

        w.WriteLine("writer.WriteEndObject();");
        w.CloseBlock();
        w.CloseBlock();
    }

    private static void EmitConverterBoilerplate(SourceWriter w, string type)
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
        w.WriteLine("if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) return null;");
        w.WriteLine("return ReadValue(ref reader);");
        w.CloseBlock();
    }

    private static string Utf8(string text) => SourceWriter.Literal(text) + "u8";

    // ---------------------------------------------------------------- enums

    private static void EmitEnum(SourceWriter w, TypeNames names, GenerationContext context, EnumSpec e)
    {
        w.WriteSummary(e.Description, $"The <c>{e.Name}</c> values.");
        w.WriteLine("/// <remarks>");
        w.WriteLine("/// An open enum: values the API adds later are kept (see <see cref=\"IsKnown\"/>) instead of failing to read.");
        w.WriteLine("/// </remarks>");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine($"[{Attr}.JsonConverter(typeof({names.Converter(e.Name)}))]");
        w.OpenBlock($"public readonly partial struct {e.Name} : global::System.IEquatable<{e.Name}>");
        w.WriteLine("private readonly string? _value;");
        w.WriteLine();
        w.WriteLine("/// <summary>Creates a value (known or not).</summary>");
        w.WriteLine("/// <param name=\"value\">The value as the API spells it.</param>");
        w.WriteLine($"public {e.Name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        foreach (var member in e.Members)
        {
            w.WriteLine();
            w.WriteLine($"/// <summary><c>{SourceWriter.EscapeXml(member.Value)}</c></summary>");
            w.WriteLine($"public static {e.Name} {member.Name} {{ get; }} = new({SourceWriter.Literal(member.Value)});");
        }

        w.WriteLine();
        w.WriteLine("/// <summary>Every value this version of the SDK knows.</summary>");
        w.WriteLine($"public static global::System.Collections.Generic.IReadOnlyList<{e.Name}> KnownValues {{ get; }} = new[] {{ {string.Join(", ", e.Members.Select(m => m.Name))} }};");
        w.WriteLine();
        w.WriteLine("/// <summary>The value as the API spells it.</summary>");
        w.WriteLine("public string Value => _value ?? string.Empty;");
        w.WriteLine();
        w.WriteLine("/// <summary>Whether this version of the SDK knows the value.</summary>");
        w.WriteLine($"public bool IsKnown => Value switch {{ {string.Join(" or ", e.Members.Select(m => SourceWriter.Literal(m.Value)))} => true, _ => false }};");
        w.WriteLine();
        w.WriteLine("/// <summary>Converts a string to a value.</summary>");
        w.WriteLine($"public static implicit operator {e.Name}(string value) => new(value);");
        w.WriteLine();
        w.WriteLine("/// <summary>Compares two values (ordinal).</summary>");
        w.WriteLine($"public static bool operator ==({e.Name} left, {e.Name} right) => left.Equals(right);");
        w.WriteLine();
        w.WriteLine("/// <summary>Compares two values (ordinal).</summary>");
        w.WriteLine($"public static bool operator !=({e.Name} left, {e.Name} right) => !left.Equals(right);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public bool Equals({e.Name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public override bool Equals(object? obj) => obj is {e.Name} other && Equals(other);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public override string ToString() => Value;");
        w.CloseBlock();
    }

    private static void EmitEnumConverter(SourceWriter w, TypeNames names, GenerationContext context, EnumSpec e)
    {
        var type = names.Named(e.Name);
        w.WriteLine($"/// <summary>Reads and writes <see cref=\"{type}\"/> as a JSON string; unknown values are kept.</summary>");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine(NeverBrowsable);
        w.OpenBlock($"public sealed class {e.Name}JsonConverter : {Attr}.JsonConverter<{type}>");
        EmitConverterBoilerplate(w, type);
        w.WriteLine();
        w.WriteLine("/// <summary>Reads the value at the reader (known values without allocating).</summary>");
        w.OpenBlock($"public static {type} ReadValue(ref {TypeNames.Reader} reader)");
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
        w.WriteLine();
        w.WriteLine("/// <summary>Writes the value.</summary>");
        w.WriteLine($"public static void WriteValue({TypeNames.Writer} writer, {type} value) => writer.WriteStringValue(value.Value);");
        w.CloseBlock();
    }

    // ---------------------------------------------------------------- discriminated unions

    private static void EmitUnion(SourceWriter w, TypeNames names, GenerationContext context, UnionSpec u)
    {
        w.WriteSummary(u.Description, $"The <c>{u.Name}</c> union.");
        w.WriteLine("/// <remarks>");
        w.WriteLine($"/// One of {string.Join(", ", u.Cases.Select(c => $"<see cref=\"{names.Named(c.TypeName)}\"/>"))}, told apart by <c>{SourceWriter.EscapeXml(u.DiscriminatorJsonName)}</c>;");
        w.WriteLine($"/// a variant this version of the SDK does not know reads as <see cref=\"{names.Named(u.UnknownTypeName)}\"/> with its raw JSON.");
        w.WriteLine("/// </remarks>");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine($"[{Attr}.JsonConverter(typeof({names.Converter(u.Name)}))]");
        w.OpenBlock($"public abstract partial record {u.Name}");
        w.WriteLine("/// <summary>Only the generated variants derive from the union.</summary>");
        w.WriteLine($"private protected {u.Name}()");
        w.WriteLine("{");
        w.WriteLine("}");
        w.WriteLine();
        w.WriteLine($"/// <summary>The <c>{SourceWriter.EscapeXml(u.DiscriminatorJsonName)}</c> tag that says which variant this is.</summary>");
        w.WriteLine($"[{Attr}.JsonPropertyName({SourceWriter.Literal(u.DiscriminatorJsonName)})]");
        w.WriteLine($"public abstract string {u.DiscriminatorName} {{ get; }}");
        w.CloseBlock();
        w.WriteLine();

        w.WriteLine($"/// <summary>A <see cref=\"{names.Named(u.Name)}\"/> variant this version of the SDK does not know; its JSON is kept as it came.</summary>");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine($"[{Attr}.JsonConverter(typeof({names.Converter(u.Name)}))]");
        w.OpenBlock($"public sealed partial record {u.UnknownTypeName} : {names.Named(u.Name)}");
        w.WriteLine("/// <summary>Creates an unknown variant.</summary>");
        w.WriteLine("/// <param name=\"tag\">The tag value (empty when the JSON had none).</param>");
        w.WriteLine("/// <param name=\"json\">The variant's JSON.</param>");
        w.OpenBlock($"public {u.UnknownTypeName}(string tag, {TypeNames.JsonElement} json)");
        w.WriteLine("Tag = tag ?? string.Empty;");
        w.WriteLine("Json = json;");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public override string {u.DiscriminatorName} => Tag;");
        w.WriteLine();
        w.WriteLine("/// <summary>The tag value as it came.</summary>");
        w.WriteLine("public string Tag { get; }");
        w.WriteLine();
        w.WriteLine("/// <summary>The variant's JSON as it came.</summary>");
        w.WriteLine($"public {TypeNames.JsonElement} Json {{ get; }}");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public bool Equals({u.UnknownTypeName}? other) => other is not null && Tag == other.Tag && {Equality}.JsonDeepEquals(Json, other.Json);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Tag);");
        w.CloseBlock();
    }

    private static void EmitUnionConverter(SourceWriter w, TypeNames names, GenerationContext context, UnionSpec u)
    {
        var type = names.Named(u.Name);
        w.WriteLine($"/// <summary>Reads and writes <see cref=\"{type}\"/> by its <c>{SourceWriter.EscapeXml(u.DiscriminatorJsonName)}</c> tag.</summary>");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine(NeverBrowsable);
        w.OpenBlock($"public sealed class {u.Name}JsonConverter : {Attr}.JsonConverter<{type}>");
        EmitConverterBoilerplate(w, type);
        w.WriteLine();
        w.WriteLine("/// <summary>Reads the variant at the reader; an unknown tag gives the Unknown variant with the raw JSON.</summary>");
        w.OpenBlock($"public static {type} ReadValue(ref {TypeNames.Reader} reader)");
        w.WriteLine($"{TypeNames.JsonRead}.ExpectStartObject(ref reader, {SourceWriter.Literal(u.Name)});");
        w.WriteLine($"var tag = {TypeNames.JsonRead}.PeekDiscriminator(ref reader, {Utf8(u.DiscriminatorJsonName)});");
        w.OpenBlock("switch (tag)");
        foreach (var c in u.Cases)
        {
            w.WriteLine($"case {SourceWriter.Literal(c.Value)}:");
            w.WriteLine($"    return {names.Converter(c.TypeName)}.ReadValue(ref reader);");
        }

        w.WriteLine("default:");
        w.WriteLine($"    return new {names.Named(u.UnknownTypeName)}(tag ?? string.Empty, {TypeNames.JsonRead}.Element(ref reader));");
        w.CloseBlock();
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <summary>Writes the variant.</summary>");
        w.OpenBlock($"public static void WriteValue({TypeNames.Writer} writer, {type} value)");
        w.OpenBlock("switch (value)");
        var index = 0;
        foreach (var c in u.Cases)
        {
            w.WriteLine($"case {names.Named(c.TypeName)} v{index}:");
            w.WriteLine($"    {names.Converter(c.TypeName)}.WriteValue(writer, v{index});");
            w.WriteLine("    break;");
            index++;
        }

        w.WriteLine($"case {names.Named(u.UnknownTypeName)} unknown:");
        w.WriteLine("    unknown.Json.WriteTo(writer);");
        w.WriteLine("    break;");
        w.WriteLine("default:");
        w.WriteLine($"    throw new global::System.Text.Json.JsonException(\"Cannot write \" + value.GetType() + \" as {u.Name}.\");");
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
    }

    // ---------------------------------------------------------------- primitive unions

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
        w.OpenBlock($"public readonly partial struct {p.Name} : global::System.IEquatable<{p.Name}>");
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

        w.WriteLine();
        w.WriteLine("/// <summary>Whether the JSON held a kind of value the API does not declare (kept in <see cref=\"OtherJson\"/>).</summary>");
        w.WriteLine($"public bool IsOther => _kind == {other};");
        w.WriteLine();
        w.WriteLine("/// <summary>The undeclared JSON value, when <see cref=\"IsOther\"/>.</summary>");
        w.WriteLine($"public {TypeNames.JsonElement}? OtherJson => _kind == {other} ? _other : null;");
        w.WriteLine();
        w.WriteLine("/// <summary>Wraps a JSON value of an undeclared kind.</summary>");
        w.WriteLine("/// <param name=\"json\">The value (cloned).</param>");
        w.WriteLine($"public static {p.Name} FromOtherJson({TypeNames.JsonElement} json) => new(json.Clone());");
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
        w.WriteLine();
        w.WriteLine("/// <summary>Compares two values.</summary>");
        w.WriteLine($"public static bool operator ==({p.Name} left, {p.Name} right) => left.Equals(right);");
        w.WriteLine();
        w.WriteLine("/// <summary>Compares two values.</summary>");
        w.WriteLine($"public static bool operator !=({p.Name} left, {p.Name} right) => !left.Equals(right);");
        w.CloseBlock();
    }

    private static void EmitPrimitiveUnionConverter(SourceWriter w, TypeNames names, GenerationContext context, PrimitiveUnionSpec p)
    {
        var type = names.Named(p.Name);
        var cases = Cases(p).ToList();
        w.WriteLine($"/// <summary>Reads and writes <see cref=\"{type}\"/>; a JSON value of an undeclared kind is kept.</summary>");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine(NeverBrowsable);
        w.OpenBlock($"public sealed class {p.Name}JsonConverter : {Attr}.JsonConverter<{type}>");
        EmitConverterBoilerplate(w, type);
        w.WriteLine();
        w.WriteLine("/// <summary>Reads the value at the reader.</summary>");
        w.OpenBlock($"public static {type} ReadValue(ref {TypeNames.Reader} reader)");
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
        w.WriteLine();
        w.WriteLine("/// <summary>Writes the value.</summary>");
        w.OpenBlock($"public static void WriteValue({TypeNames.Writer} writer, {type} value)");
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
        w.CloseBlock();
    }
}
