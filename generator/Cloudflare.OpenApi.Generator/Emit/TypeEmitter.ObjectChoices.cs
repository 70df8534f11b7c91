using System.Linq;
using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>
/// Unions of objects that nothing tells apart: a struct over the runtime's <c>JsonChoice</c> (the branch record it was
/// created from, or the JSON it was read from), with a constructor, an implicit conversion and an <c>As…()</c> per branch.
/// </summary>
internal static partial class TypeEmitter
{
    private const string Choice = "global::Cloudflare.OpenApi.Serialization.JsonChoice";

    private static void EmitObjectChoice(SourceWriter w, TypeNames names, GenerationContext context, ObjectChoiceSpec c)
    {
        var branches = c.Branches.Where(b => b.Kind != TypeKind.Map).Select(b => (Type: names.Of(b), b.Name)).ToList();
        var map = c.Branches.FirstOrDefault(b => b.Kind == TypeKind.Map);
        var asMap = new[] { "AsMap", "AsDictionary", "AsEntries" }.First(m => branches.All(b => "As" + b.Name != m));
        var list = string.Join(", ", branches.Select(b => $"<see cref=\"{b.Type}\"/>")
            .Concat(map is null ? Enumerable.Empty<string>() : new[] { $"a map (<see cref=\"{asMap}\"/>)" })
            .Concat(c.OffersEmpty ? new[] { "the empty object (<see cref=\"Empty\"/>)" } : Enumerable.Empty<string>()));
        w.WriteSummary(c.Description, branches.Count == 0 ? "A JSON object." : $"One of: {list}.");
        w.WriteLine("/// <remarks>");
        w.WriteLine("/// Nothing in the JSON tells the branches apart (no discriminator, no tag, no property only one of them requires), so a");
        w.WriteLine("/// value read from JSON keeps it whole (<see cref=\"Json\"/>) and <c>As…()</c> reads it as the branch you ask for. A value");
        w.WriteLine("/// created from a branch record writes that record.");
        w.WriteLine("/// </remarks>");
        w.WriteLine(GeneratedCode(context));
        w.WriteLine($"[{Attr}.JsonConverter(typeof({names.Converter(c.Name)}))]");
        w.OpenBlock($"public readonly partial struct {c.Name} : global::System.IEquatable<{c.Name}>, {names.Serializable(c.Name)}");
        w.WriteLine($"private readonly {Choice} _value;");
        w.WriteLine();
        w.WriteLine($"private {c.Name}({Choice} value) => _value = value;");
        foreach (var (type, name) in branches)
        {
            w.WriteLine();
            w.WriteLine($"/// <summary>Creates the value from a <see cref=\"{type}\"/>.</summary>");
            w.WriteLine("/// <param name=\"value\">The record.</param>");
            w.WriteLine("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
            w.WriteLine($"public {c.Name}({type} value) => _value = {Choice}.Of(value);");
            w.WriteLine();
            w.WriteLine($"/// <summary>Creates the value from a <see cref=\"{type}\"/>.</summary>");
            w.WriteLine("/// <param name=\"value\">The record.</param>");
            w.WriteLine($"public static implicit operator {c.Name}({type} value) => new(value);");
            w.WriteLine();
            w.WriteLine($"/// <summary>The value as a <see cref=\"{type}\"/>: the record it was created from, or its JSON read as one.</summary>");
            w.WriteLine("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON is not an object, or (strict reading) lacks a required property.</exception>");
            w.WriteLine($"public {type} As{name}() => _value.As<{type}>();");
        }

        if (map is not null)
        {
            // No implicit conversion: C# allows none from an interface type.
            var mapType = names.Of(map);
            w.WriteLine();
            w.WriteLine("/// <summary>Creates the value from a map (an object of any keys).</summary>");
            w.WriteLine("/// <param name=\"value\">The entries.</param>");
            w.WriteLine("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
            w.WriteLine($"public {c.Name}({mapType} value) => _value = {Choice}.OfMap(value, static (w0, v0) => {{ {names.Write(map.Element!, "w0", "v0", 1)} }});");
            w.WriteLine();
            w.WriteLine("/// <summary>The value as a map: the one it was created from, or its JSON read as one.</summary>");
            w.WriteLine("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON is not an object.</exception>");
            w.WriteLine($"public {mapType} {asMap}() => _value.AsMap({names.ReadFunc(map.Element!)});");
        }

        if (c.OffersEmpty)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>The empty object, <c>{}</c>: the branch of this union that names no property.</summary>");
            w.WriteLine($"public static {c.Name} Empty => new({Choice}.EmptyObject);");
        }

        w.WriteLine();
        w.WriteLine("/// <summary>The JSON of the value: as read, or the record it was created from written out.</summary>");
        w.WriteLine($"public {TypeNames.JsonElement} Json => _value.Json;");
        w.WriteLine();
        w.WriteLine("/// <summary>Equal when the JSON is (objects in any property order).</summary>");
        w.WriteLine("/// <param name=\"other\">The other value.</param>");
        w.WriteLine($"public bool Equals({c.Name} other) => _value.Equals(other._value);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine($"public override bool Equals(object? obj) => obj is {c.Name} other && Equals(other);");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public override int GetHashCode() => _value.GetHashCode();");
        w.WriteLine();
        w.WriteLine("/// <summary>The JSON text.</summary>");
        w.WriteLine("public override string ToString() => _value.ToString();");
        w.WriteLine();
        w.WriteLine("/// <summary>Equal when the JSON is.</summary>");
        w.WriteLine($"public static bool operator ==({c.Name} left, {c.Name} right) => left.Equals(right);");
        w.WriteLine();
        w.WriteLine("/// <summary>Not equal when the JSON is not.</summary>");
        w.WriteLine($"public static bool operator !=({c.Name} left, {c.Name} right) => !left.Equals(right);");
        OpenReadJson(w, c.Name, "Reads the value (any JSON value is kept as it came).", hides: false);
        w.WriteLine($"return new {c.Name}({Choice}.Read(ref reader));");
        w.CloseBlock();
        OpenWriteJson(w, c.Name, "Writes the value.", "value._value.Write(writer);");
        w.CloseBlock();
    }
}
