using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>Records for object schemas, their converters and Validate().</summary>
internal static partial class TypeEmitter
{
    private static void EmitObject(SourceWriter w, TypeNames names, GenerationContext context, ObjectSpec o)
    {
        w.WriteSummary(o.Description, $"The <c>{o.Name}</c> schema.");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine($"[{Attr}.JsonConverter(typeof({names.Converter(o.Name)}))]");
        var baseType = o.BaseUnion is null ? string.Empty : names.Named(o.BaseUnion) + ", ";
        w.OpenBlock($"public sealed partial record {o.Name} : {baseType}{names.Serializable(o.Name)}");

        var first = true;
        if (o.BaseUnion is not null && o.DiscriminatorJsonName is not null && o.HasVariableTag)
        {
            EmitVariableTag(w, o);
            first = false;
        }
        else if (o.BaseUnion is not null && o.DiscriminatorJsonName is not null)
        {
            w.WriteLine($"/// <summary>The <c>{SourceWriter.EscapeXml(o.DiscriminatorJsonName!)}</c> tag of this variant: always <c>{SourceWriter.EscapeXml(o.DiscriminatorValues[0])}</c>.</summary>");
            w.WriteLine($"public override string {o.DiscriminatorName} => {SourceWriter.Literal(o.DiscriminatorValues[0])};");
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

        // Value equality over content: lists, maps and JSON values compare by what they hold, so a model read back from
        // its own JSON equals the original. A record without such a property keeps the compiler's own Equals and
        // GetHashCode, which compare the same way (EqualityComparer<T>.Default per property) and cost the compiler
        // less than declared ones (no bound tree kept for analyzers; see Corpus/SCALE.md).
        if (o.Properties.Any(p => ComparesByContent(p.Type.Kind)))
        {
            w.WriteLine();
            w.WriteLine("/// <inheritdoc/>");
            w.OpenBlock($"public bool Equals({o.Name}? other)");
            w.WriteLine("if (other is null) return false;");
            w.WriteLine("if (ReferenceEquals(this, other)) return true;");
            var terms = o.Properties.Select(p => $"{Equality}.AreEqual({p.Name}, other.{p.Name})");
            if (o.HasVariableTag)
            {
                terms = terms.Prepend($"string.Equals({TagField(o)}, other.{TagField(o)}, global::System.StringComparison.Ordinal)");
            }

            w.WriteLine("return " + string.Join("\n    && ", terms) + ";");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine("/// <inheritdoc/>");
            w.OpenBlock("public override int GetHashCode()");
            w.WriteLine("var hash = new global::System.HashCode();");
            w.WriteLine($"hash.Add({SourceWriter.Literal(o.Name)});");
            if (o.HasVariableTag)
            {
                w.WriteLine($"hash.Add({TagField(o)}, global::System.StringComparer.Ordinal);");
            }

            foreach (var property in o.Properties)
            {
                w.WriteLine($"hash.Add({Equality}.Hash({property.Name}));");
            }

            w.WriteLine("return hash.ToHashCode();");
            w.CloseBlock();
        }

        if (o.HasValidate)
        {
            EmitValidate(w, o);
        }

        EmitObjectJson(w, names, o);
        w.CloseBlock();
    }

    /// <summary>
    /// A variant selected by several tag values (<c>type: enum [step, rollback]</c>) keeps the value it was read with, so
    /// it writes back what it read; created in code it takes the first value unless the constructor names another.
    /// </summary>
    private static void EmitVariableTag(SourceWriter w, ObjectSpec o)
    {
        var json = SourceWriter.EscapeXml(o.DiscriminatorJsonName!);
        var values = string.Join(", ", o.DiscriminatorValues.Select(v => $"<c>{SourceWriter.EscapeXml(v)}</c>"));
        var parameter = Helpers.Naming.Camel(o.DiscriminatorName!);
        w.WriteLine($"private readonly string {TagField(o)} = {SourceWriter.Literal(o.DiscriminatorValues[0])};");
        w.WriteLine();
        w.WriteLine($"/// <summary>Creates the variant with its first <c>{json}</c> tag, <c>{SourceWriter.EscapeXml(o.DiscriminatorValues[0])}</c>.</summary>");
        w.WriteLine($"public {o.Name}()");
        w.WriteLine("{");
        w.WriteLine("}");
        w.WriteLine();
        w.WriteLine($"/// <summary>Creates the variant with one of its <c>{json}</c> tags.</summary>");
        w.WriteLine($"/// <param name=\"{parameter.TrimStart('@')}\">One of {values}.</param>");
        w.WriteLine($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The value is not a tag of this variant.</exception>");
        w.WriteLine($"public {o.Name}(string {parameter}) => {TagField(o)} = {parameter} is {string.Join(" or ", o.DiscriminatorValues.Select(SourceWriter.Literal))}");
        w.WriteLine($"    ? {parameter}");
        w.WriteLine($"    : throw new global::System.ArgumentOutOfRangeException(nameof({parameter}), {parameter}, {SourceWriter.Literal("Not a tag of " + o.Name + ".")});");
        w.WriteLine();
        w.WriteLine($"/// <summary>The <c>{json}</c> tag of this variant: one of {values}, as read or as created.</summary>");
        w.WriteLine($"public override string {o.DiscriminatorName} => {TagField(o)};");
    }

    /// <summary>Whether a property of this kind needs <c>ValueEquality</c> (the compiler's equality would compare references).</summary>
    private static bool ComparesByContent(TypeKind kind) => kind switch
    {
        TypeKind.Array or TypeKind.Map or TypeKind.Any => true,
        TypeKind.String or TypeKind.Boolean or TypeKind.Integer or TypeKind.Number or TypeKind.DateTime
            or TypeKind.Object or TypeKind.Enum or TypeKind.IntegerEnum or TypeKind.Union or TypeKind.PrimitiveUnion or TypeKind.ValueUnion => false,
    };

    private static string TagField(ObjectSpec o) => "_" + char.ToLowerInvariant(o.DiscriminatorName![0]) + o.DiscriminatorName.Substring(1);

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
                var value = property.Type.Format == NumberFormat.Decimal ? $"(double?){property.Name}" : property.Name;
                w.WriteLine($"global::Cloudflare.OpenApi.Infrastructure.ParameterValidation.Number({value}, {label}, {Double(c.Minimum)}, {Bool(c.ExclusiveMinimum)}, {Double(c.Maximum)}, {Bool(c.ExclusiveMaximum)});");
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

    /// <summary>The record's JSON code: ReadJson and WriteJson (property names as UTF-8 literals, no static fields to initialise).</summary>
    private static void EmitObjectJson(SourceWriter w, TypeNames names, ObjectSpec o)
    {
        var type = names.Named(o.Name);
        var hides = o.BaseUnion is not null;
        OpenReadJson(w, type, "Reads the object at the reader.", hides);
        w.WriteLine($"{TypeNames.JsonRead}.ExpectStartObject(ref reader, {SourceWriter.Literal(o.Name)});");
        var index = 0;
        foreach (var property in o.Properties)
        {
            w.WriteLine($"{names.Local(property.Type)} p{index++} = default;");
        }

        if (o.HasVariableTag)
        {
            w.WriteLine("string? tag = null;");
        }

        w.OpenBlock($"while ({TypeNames.JsonRead}.NextProperty(ref reader))");
        index = 0;
        foreach (var property in o.Properties)
        {
            var keyword = index == 0 ? "if" : "else if";
            w.WriteLine($"{keyword} ({TypeNames.JsonRead}.Property(ref reader, {Utf8(property.JsonName)})) p{index} = {names.Read(property.Type, "reader")};");
            index++;
        }

        if (o.HasVariableTag)
        {
            // The known tags without allocating; another value leaves the default (the union chose this variant).
            w.OpenBlock($"{(o.Properties.Count == 0 ? "if" : "else if")} ({TypeNames.JsonRead}.Property(ref reader, {Utf8(o.DiscriminatorJsonName!)}))");
            if (o.NumericTag)
            {
                w.WriteLine("tag = reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt64(out var number) ? number switch");
                w.WriteLine("{");
                foreach (var v in o.DiscriminatorValues)
                {
                    w.WriteLine($"    {v} => {SourceWriter.Literal(v)},");
                }

                w.WriteLine("    _ => null,");
                w.WriteLine("} : null;");
            }
            else
            {
                w.WriteLine("tag = reader.TokenType != global::System.Text.Json.JsonTokenType.String ? null");
                foreach (var v in o.DiscriminatorValues)
                {
                    w.WriteLine($"    : reader.ValueTextEquals({Utf8(v)}) ? {SourceWriter.Literal(v)}");
                }

                w.WriteLine("    : null;");
            }

            w.WriteLine("reader.Skip();");
            w.CloseBlock();
        }

        w.WriteLine(o.Properties.Count == 0 && !o.HasVariableTag
            ? $"{TypeNames.JsonRead}.SkipValue(ref reader);"
            : $"else {TypeNames.JsonRead}.SkipValue(ref reader);");

        w.CloseBlock();
        w.WriteLine();
        w.WriteLine(o.HasVariableTag ? $"return new {type}(tag ?? {SourceWriter.Literal(o.DiscriminatorValues[0])})" : $"return new {type}");
        w.WriteLine("{");
        w.Indent();
        index = 0;
        foreach (var property in o.Properties)
        {
            var value = $"p{index++}";
            if (property.Required && !property.Nullable)
            {
                // Lenient by default: the runtime returns the default (and reports it) unless strict reading is on.
                value += $" ?? {TypeNames.JsonRead}.MissingRequired<{names.Of(property.Type)}>({SourceWriter.Literal(o.Name)}, {SourceWriter.Literal(property.JsonName)})";
            }

            w.WriteLine($"{property.Name} = {value},");
        }

        w.Unindent();
        w.WriteLine("};");
        w.CloseBlock();

        OpenWriteJson(w, type, "Writes the object.");
        w.WriteLine("writer.WriteStartObject();");
        if (o.DiscriminatorJsonName is not null)
        {
            w.WriteLine((o.HasVariableTag, o.NumericTag) switch
            {
                (true, false) => $"writer.WriteString({Utf8(o.DiscriminatorJsonName)}, value.{o.DiscriminatorName});",
                (false, false) => $"writer.WriteString({Utf8(o.DiscriminatorJsonName)}, {SourceWriter.Literal(o.DiscriminatorValues[0])});",
                (true, true) => $"writer.WriteNumber({Utf8(o.DiscriminatorJsonName)}, long.Parse(value.{o.DiscriminatorName}, global::System.Globalization.CultureInfo.InvariantCulture));",
                (false, true) => $"writer.WriteNumber({Utf8(o.DiscriminatorJsonName)}, {o.DiscriminatorValues[0]}L);",
            });
        }

        foreach (var property in o.Properties)
        {
            w.WriteLine(names.WriteProperty(property.Type, "writer", Utf8(property.JsonName), $"value.{property.Name}", property.Required && !property.Nullable));
        }

        w.WriteLine("writer.WriteEndObject();");
        w.CloseBlock();
    }
}
