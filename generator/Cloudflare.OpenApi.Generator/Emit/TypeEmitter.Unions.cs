using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>Discriminated unions: the abstract base, the Unknown variant and the tag-dispatching converter.</summary>
internal static partial class TypeEmitter
{
    private static void EmitUnion(SourceWriter w, TypeNames names, GenerationContext context, UnionSpec u)
    {
        w.WriteSummary(u.Description, $"The <c>{u.Name}</c> union.");
        w.WriteLine("/// <remarks>");
        var toldApartBy = u.IsTagged
            ? $"<c>{SourceWriter.EscapeXml(u.DiscriminatorJsonName)}</c>"
            : "the property only it has (" + string.Join(", ", u.Cases.Select(c => $"<c>{SourceWriter.EscapeXml(c.Values[0])}</c>")) + ")";
        w.WriteLine($"/// One of {string.Join(", ", u.Cases.Select(c => $"<see cref=\"{names.Named(c.TypeName)}\"/>"))}, told apart by {toldApartBy};");
        w.WriteLine($"/// a variant this version of the SDK does not know reads as <see cref=\"{names.Named(u.UnknownTypeName)}\"/> with its raw JSON.");
        w.WriteLine("/// </remarks>");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine($"[{Attr}.JsonConverter(typeof({names.Converter(u.Name)}))]");
        w.OpenBlock($"public abstract partial record {u.Name} : {names.Serializable(u.Name)}");
        w.WriteLine("/// <summary>Only the generated variants derive from the union.</summary>");
        w.WriteLine($"private protected {u.Name}()");
        w.WriteLine("{");
        w.WriteLine("}");
        if (u.IsTagged)
        {
            w.WriteLine();
            w.WriteLine($"/// <summary>The <c>{SourceWriter.EscapeXml(u.DiscriminatorJsonName)}</c> tag that says which variant this is.</summary>");
            w.WriteLine($"[{Attr}.JsonPropertyName({SourceWriter.Literal(u.DiscriminatorJsonName)})]");
            w.WriteLine($"public abstract string {u.DiscriminatorName} {{ get; }}");
        }

        EmitUnionJson(w, names, u);
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
        if (u.IsTagged)
        {
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine($"public override string {u.DiscriminatorName} => Tag;");
            w.WriteLine();
        }

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

    /// <summary>The union's JSON code: ReadJson dispatches on the tag (or the property only one variant has), WriteJson on the variant.</summary>
    private static void EmitUnionJson(SourceWriter w, TypeNames names, UnionSpec u)
    {
        var type = names.Named(u.Name);
        OpenReadJson(w, type, "Reads the variant at the reader; an unknown tag gives the Unknown variant with the raw JSON.", hides: false);
        w.WriteLine($"{TypeNames.JsonRead}.ExpectStartObject(ref reader, {SourceWriter.Literal(u.Name)});");
        if (!u.IsTagged)
        {
            // One look at the property names (on a copy of the reader), then one read by the chosen variant.
            w.WriteLine("var probe = reader;");
            w.OpenBlock("while (probe.Read() && probe.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)");
            foreach (var c in u.Cases)
            {
                w.WriteLine($"if (probe.ValueTextEquals({Utf8(c.Values[0])})) return {names.Named(c.TypeName)}.ReadJson(ref reader);");
            }

            w.WriteLine("probe.Read();");
            w.WriteLine("probe.Skip();");
            w.CloseBlock();
            w.WriteLine();
            w.WriteLine($"return new {names.Named(u.UnknownTypeName)}(string.Empty, {TypeNames.JsonRead}.Element(ref reader));");
            w.CloseBlock();
            EmitUnionWrite(w, names, u);
            return;
        }

        w.WriteLine($"var tag = {TypeNames.JsonRead}.PeekDiscriminator(ref reader, {Utf8(u.DiscriminatorJsonName)});");
        w.OpenBlock("switch (tag)");
        foreach (var c in u.Cases.Where(c => c.Values.Count > 0))
        {
            foreach (var value in c.Values)
            {
                w.WriteLine($"case {SourceWriter.Literal(value)}:");
            }

            w.WriteLine($"    return {names.Named(c.TypeName)}.ReadJson(ref reader);");
        }

        foreach (var shared in u.SharedTags)
        {
            // Several variants have this tag: a second property, which each pins to its own values, says which one.
            w.WriteLine($"case {SourceWriter.Literal(shared.Value)}:");
            w.OpenBlock($"switch ({TypeNames.JsonRead}.PeekDiscriminator(ref reader, {Utf8(shared.PropertyJsonName)}))");
            foreach (var c in shared.Cases)
            {
                foreach (var value in c.Values)
                {
                    w.WriteLine($"case {SourceWriter.Literal(value)}:");
                }

                w.WriteLine($"    return {names.Named(c.TypeName)}.ReadJson(ref reader);");
            }

            w.WriteLine("default:");
            w.WriteLine($"    return new {names.Named(u.UnknownTypeName)}(tag, {TypeNames.JsonRead}.Element(ref reader));");
            w.CloseBlock();
        }

        w.WriteLine("default:");
        w.WriteLine($"    return new {names.Named(u.UnknownTypeName)}(tag ?? string.Empty, {TypeNames.JsonRead}.Element(ref reader));");
        w.CloseBlock();
        w.CloseBlock();
        EmitUnionWrite(w, names, u);
    }

    private static void EmitUnionWrite(SourceWriter w, TypeNames names, UnionSpec u)
    {
        OpenWriteJson(w, names.Named(u.Name), "Writes the variant.");
        w.OpenBlock("switch (value)");
        var index = 0;
        foreach (var c in u.Cases)
        {
            w.WriteLine($"case {names.Named(c.TypeName)} v{index}:");
            w.WriteLine($"    {names.Named(c.TypeName)}.WriteJson(writer, v{index});");
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
    }
}
