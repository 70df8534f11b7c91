using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>
/// Emits the request record of a form-encoded or multipart body: typed properties (files as <c>BinaryContent</c>) and
/// an internal <c>CreateRequestContent()</c> that writes them as fields or parts.
/// </summary>
internal static class FormEmitter
{
    private const string BinaryContent = "global::Cloudflare.OpenApi.BinaryContent";
    private const string Infrastructure = "global::Cloudflare.OpenApi.Infrastructure";

    public static string Emit(GenerationContext context, FormSpec form)
    {
        var names = new TypeNames(context.Namespace);
        var w = new SourceWriter();
        Header.Write(w);
        w.OpenBlock($"namespace {context.Namespace}");
        var wire = form.Multipart ? "<c>multipart/form-data</c> parts" : "<c>application/x-www-form-urlencoded</c> fields";
        w.WriteSummary(form.Description, $"The body of a request, sent as {wire}.");
        w.WriteLine($"[global::System.CodeDom.Compiler.GeneratedCode(\"Cloudflare.OpenApi.Generator\", \"{context.GeneratorVersion}\")]");
        w.OpenBlock($"public sealed partial record {form.Name}");
        foreach (var field in form.Fields)
        {
            w.WriteSummary(field.Description, $"The <c>{SourceWriter.EscapeXml(field.JsonName)}</c> {(form.Multipart ? "part" : "field")}.");
            var type = PropertyType(names, field);
            w.WriteLine(field.Required
                ? $"public required {type} {field.Name} {{ get; init; }}"
                : $"public {type}? {field.Name} {{ get; init; }}");
            w.WriteLine();
        }

        var contentType = form.Multipart ? $"{Infrastructure}.MultipartContent" : $"{Infrastructure}.FormContent";
        w.WriteLine("/// <summary>The body as it goes on the wire (null properties are left out).</summary>");
        w.OpenBlock($"internal {Infrastructure}.RequestContent CreateRequestContent()");
        w.WriteLine($"var content = new {contentType}();");
        foreach (var field in form.Fields)
        {
            w.WriteLine(form.Multipart ? MultipartStatement(names, field) : FormStatement(names, field));
        }

        w.WriteLine("return content;");
        w.CloseBlock();
        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }

    private static string PropertyType(TypeNames names, FormFieldSpec field) => field.Kind switch
    {
        FormFieldKind.Text or FormFieldKind.TextArray or FormFieldKind.Json => names.Of(field.Type!),
        FormFieldKind.File => BinaryContent,
        FormFieldKind.FileArray => $"global::System.Collections.Generic.IReadOnlyList<{BinaryContent}>",
    };

    // Optional value-type properties are Nullable<T>; required ones are plain values.
    private static bool IsNullable(FormFieldSpec field) => !field.Required;

    private static string MultipartStatement(TypeNames names, FormFieldSpec field)
    {
        var name = SourceWriter.Literal(field.JsonName);
        var fileType = SourceWriter.Literal(field.ContentType ?? "application/octet-stream");
        return field.Kind switch
        {
            FormFieldKind.Text => $"content.AddText({name}, {WireText.OfOptional(names, field.Type!, field.Name, IsNullable(field))});",
            FormFieldKind.TextArray => $"content.AddEachText({name}, {WireText.Each(names, field.Type!.Element!, field.Name)});",
            FormFieldKind.Json => $"content.AddJson({name}, {JsonBytesOptional(names, field)});",
            FormFieldKind.File => $"content.AddFile({name}, {field.Name}, {fileType});",
            FormFieldKind.FileArray => $"if ({field.Name} is not null) foreach (var file in {field.Name}) content.AddFile({name}, file, {fileType});",
        };
    }

    private static string FormStatement(TypeNames names, FormFieldSpec field)
    {
        var name = SourceWriter.Literal(field.JsonName);
        const string Utf8 = "global::System.Text.Encoding.UTF8.GetString";
        return field.Kind switch
        {
            FormFieldKind.Text or FormFieldKind.Json => $"content.Add({name}, {WireText.OfOptional(names, field.Type!, field.Name, IsNullable(field))});",
            FormFieldKind.TextArray => field.ValueStyle switch
            {
                ValueStyle.Exploded or ValueStyle.DeepObject => $"content.AddEach({name}, {WireText.Each(names, field.Type!.Element!, field.Name)});",
                ValueStyle.CommaDelimited or ValueStyle.SpaceDelimited or ValueStyle.PipeDelimited =>
                    $"content.AddJoined({name}, {WireText.Each(names, field.Type!.Element!, field.Name)}, {SourceWriter.Literal(WireText.Delimiter(field.ValueStyle))});",
                ValueStyle.JsonText => $"content.Add({name}, {WireText.OfOptional(names, field.Type!, field.Name, IsNullable(field))});",
            },
            FormFieldKind.File => $"content.Add({name}, {field.Name} is null ? null : {Utf8}({field.Name}.ToArray()));",
            FormFieldKind.FileArray => $"if ({field.Name} is not null) foreach (var file in {field.Name}) content.Add({name}, {Utf8}(file.ToArray()));",
        };
    }

    private static string JsonBytesOptional(TypeNames names, FormFieldSpec field) =>
        WireText.OptionalJsonBytes(names, field.Type!, field.Name, IsNullable(field));
}
