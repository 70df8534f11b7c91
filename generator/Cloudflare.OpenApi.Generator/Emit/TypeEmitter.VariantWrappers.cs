using System.Linq;
using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>
/// Variant records that wrap a schema shared by several unions: <c>PetDog : Pet</c> holds a <c>Dog</c> in <c>Value</c>.
/// The JSON is the shared schema's own (the wrapper adds nothing on the wire); the tag is the one read.
/// </summary>
internal static partial class TypeEmitter
{
    private static void EmitVariantWrapper(SourceWriter w, TypeNames names, GenerationContext context, VariantWrapperSpec v)
    {
        var wrapped = names.Of(v.Wrapped);
        w.WriteSummary(v.Description, $"A <see cref=\"{names.Named(v.Union)}\"/> that holds a <see cref=\"{wrapped}\"/>.");
        w.WriteLine("/// <remarks>");
        w.WriteLine($"/// <see cref=\"{wrapped}\"/> is a variant of more than one union, so each union has a variant record that holds it.");
        w.WriteLine("/// </remarks>");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine($"[{Attr}.JsonConverter(typeof({names.Converter(v.Name)}))]");
        w.OpenBlock($"public sealed partial record {v.Name} : {names.Named(v.Union)}, {names.Serializable(v.Name)}");
        if (v.DiscriminatorJsonName.Length == 0)
        {
            // A union told apart by which properties are present: no tag to keep.
            w.WriteLine("/// <summary>Wraps a value.</summary>");
            w.WriteLine("/// <param name=\"value\">The value.</param>");
            w.WriteLine($"public {v.Name}({wrapped} value) => Value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            w.WriteLine();
            w.WriteLine("/// <summary>The value.</summary>");
            w.WriteLine($"public {wrapped} Value {{ get; }}");
            w.WriteLine();
            w.WriteLine("/// <summary>Wraps a value.</summary>");
            w.WriteLine($"public static implicit operator {v.Name}({wrapped} value) => new(value);");
            EmitVariantWrapperJson(w, names, v);
            w.CloseBlock();
            return;
        }

        // Only a tagged union has a tag name to derive these from (an untagged one has none: see above).
        var json = SourceWriter.EscapeXml(v.DiscriminatorJsonName);
        var values = string.Join(", ", v.DiscriminatorValues.Select(t => $"<c>{SourceWriter.EscapeXml(t)}</c>"));
        var field = "_" + char.ToLowerInvariant(v.DiscriminatorName[0]) + v.DiscriminatorName.Substring(1);
        var parameter = Helpers.Naming.Camel(v.DiscriminatorName);
        if (parameter.TrimStart('@') == "value")
        {
            parameter = "tag";
        }

        w.WriteLine($"private readonly string {field};");
        w.WriteLine();
        w.WriteLine($"/// <summary>Wraps a value, with the tag <c>{SourceWriter.EscapeXml(v.DiscriminatorValues[0])}</c>.</summary>");
        w.WriteLine("/// <param name=\"value\">The value.</param>");
        w.WriteLine($"public {v.Name}({wrapped} value)");
        w.WriteLine($"    : this(value, {SourceWriter.Literal(v.DiscriminatorValues[0])})");
        w.WriteLine("{");
        w.WriteLine("}");
        w.WriteLine();
        w.WriteLine($"/// <summary>Wraps a value, with one of its <c>{json}</c> tags.</summary>");
        w.WriteLine("/// <param name=\"value\">The value.</param>");
        w.WriteLine($"/// <param name=\"{parameter.TrimStart('@')}\">One of {values}.</param>");
        w.OpenBlock($"public {v.Name}({wrapped} value, string {parameter})");
        w.WriteLine("Value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        w.WriteLine($"{field} = {parameter} is {string.Join(" or ", v.DiscriminatorValues.Select(SourceWriter.Literal))}");
        w.WriteLine($"    ? {parameter}");
        w.WriteLine($"    : throw new global::System.ArgumentOutOfRangeException(nameof({parameter}), {parameter}, {SourceWriter.Literal("Not a tag of " + v.Name + ".")});");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"/// <summary>The <c>{json}</c> tag: one of {values}.</summary>");
        w.WriteLine($"public override string {v.DiscriminatorName} => {field};");
        w.WriteLine();
        w.WriteLine("/// <summary>The value.</summary>");
        w.WriteLine($"public {wrapped} Value {{ get; }}");
        w.WriteLine();
        w.WriteLine($"/// <summary>Wraps a value, with the tag <c>{SourceWriter.EscapeXml(v.DiscriminatorValues[0])}</c>.</summary>");
        w.WriteLine($"public static implicit operator {v.Name}({wrapped} value) => new(value);");
        EmitVariantWrapperJson(w, names, v);
        w.CloseBlock();
    }

    /// <summary>The wrapper's JSON code: the JSON of the value it holds, keeping the tag it was read with.</summary>
    private static void EmitVariantWrapperJson(SourceWriter w, TypeNames names, VariantWrapperSpec v)
    {
        var type = names.Named(v.Name);
        OpenReadJson(w, type, "Reads the value at the reader, keeping the tag it has.", hides: true);
        if (v.DiscriminatorJsonName.Length == 0)
        {
            w.WriteLine($"return new {type}({names.ReadItem(v.Wrapped, "reader")});");
            w.CloseBlock();
            OpenWriteJson(w, type, "Writes the value it holds.", names.Write(v.Wrapped, "writer", "value.Value"));
            return;
        }

        w.WriteLine($"{TypeNames.JsonRead}.ExpectStartObject(ref reader, {SourceWriter.Literal(v.Name)});");
        w.WriteLine($"var tag = {TypeNames.JsonRead}.PeekDiscriminator(ref reader, {Utf8(v.DiscriminatorJsonName)});");
        w.WriteLine($"var value = {names.ReadItem(v.Wrapped, "reader")};");
        w.WriteLine($"return new {type}(value, tag is {string.Join(" or ", v.DiscriminatorValues.Select(SourceWriter.Literal))} ? tag : {SourceWriter.Literal(v.DiscriminatorValues[0])});");
        w.CloseBlock();
        OpenWriteJson(w, type, "Writes the value it holds.", names.Write(v.Wrapped, "writer", "value.Value"));
    }
}
