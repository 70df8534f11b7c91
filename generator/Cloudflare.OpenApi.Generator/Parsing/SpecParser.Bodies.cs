using System;
using System.Collections.Generic;
using System.Linq;
using Cloudflare.OpenApi.Generator.Conventions;
using Cloudflare.OpenApi.Generator.Diagnostics;
using Cloudflare.OpenApi.Generator.Helpers;
using Cloudflare.OpenApi.Generator.Model;
using NJsonSchema;
using NSwag;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>Request and response bodies: JSON, form-encoded, multipart, binary and text.</summary>
internal sealed partial class SpecParser
{
    // JSON first (it is typed best), then the structured forms, then text, then bytes.
    private static readonly BodyKind[] s_requestPreference = { BodyKind.Json, BodyKind.Form, BodyKind.Multipart, BodyKind.Text, BodyKind.Binary };

    private readonly List<FormSpec> _forms = new();

    private BodySpec? BuildBody(OpenApiOperation operation, string typePrefix, string pointer)
    {
        var body = operation.RequestBody?.ActualRequestBody;
        if (body is null || body.Content.Count == 0)
        {
            return null;
        }

        var bodyPointer = pointer + "/requestBody";
        var required = body.IsRequired;
        var description = NullIfEmpty(body.Description);
        foreach (var kind in s_requestPreference)
        {
            if (MediaTypes.First(body.Content.Keys, kind) is not { } mediaType)
            {
                continue;
            }

            var content = body.Content[mediaType];
            var contentPointer = bodyPointer + "/content/" + YamlSpecReader.Escape(mediaType);
            return kind switch
            {
                BodyKind.Json => new BodySpec(BodyKind.Json, mediaType, content.Schema is null ? TypeRef.Any : Map(content.Schema, typePrefix + "Request", contentPointer + "/schema"), required, description),
                BodyKind.Form or BodyKind.Multipart => FormBody(content, kind, mediaType, typePrefix + "Request", contentPointer, required, description),
                BodyKind.Text or BodyKind.Binary => new BodySpec(kind, MediaTypes.Sendable(mediaType), null, required, description),
            };
        }

        return null;
    }

    private BodySpec FormBody(OpenApiMediaType content, BodyKind kind, string mediaType, string name, string pointer, bool required, string? description)
    {
        if (BuildForm(content, kind == BodyKind.Multipart, name, pointer) is { } form)
        {
            return new BodySpec(kind, mediaType, new TypeRef(TypeKind.Object, form), required, description);
        }

        Report(DiagnosticDescriptors.UnsupportedFallback, pointer, $"A {MediaTypes.Essence(mediaType)} body without an object schema", "bytes (BinaryContent)", "fields and parts are named by an object schema's properties");
        return new BodySpec(BodyKind.Binary, mediaType, null, required, description);
    }

    /// <summary>The request record of a form or multipart body; null when the schema is not an object with properties.</summary>
    private string? BuildForm(OpenApiMediaType content, bool multipart, string name, string pointer)
    {
        if (content.Schema is null)
        {
            return null;
        }

        var schema = Unwrap(content.Schema);
        var properties = Properties(schema);
        if (properties.Count == 0)
        {
            return null;
        }

        var schemaPointer = ResolvePointer(pointer + "/schema");
        var typeName = ClaimTypeName(name, name, schemaPointer);
        var scope = new Naming.Scope(typeName, "EqualityContract", "ToString", "GetHashCode", "Equals", "Deconstruct", "PrintMembers", "WriteTo");
        var fields = new List<FormFieldSpec>();
        foreach (var (jsonName, property, required) in properties)
        {
            var propertyPointer = schemaPointer + "/properties/" + YamlSpecReader.Escape(jsonName);
            var propertyName = scope.Claim(Naming.Pascal(jsonName), jsonName, out var clash);
            if (clash is not null)
            {
                Report(DiagnosticDescriptors.NameCollision, propertyPointer, "Property", clash, jsonName, Naming.Pascal(jsonName), propertyName);
            }

            content.Encoding.TryGetValue(jsonName, out var encoding);
            var encodingPointer = pointer + "/encoding/" + YamlSpecReader.Escape(jsonName);
            var partType = RawScalar(encodingPointer + "/contentType");
            var description = NullIfEmpty(property.Description) ?? NullIfEmpty(Unwrap(property).Description);
            var target = Unwrap(property);
            if (IsBinary(target))
            {
                fields.Add(new FormFieldSpec(jsonName, propertyName, FormFieldKind.File, null, required, description, ValueStyle.Exploded, partType));
                if (!multipart)
                {
                    Report(DiagnosticDescriptors.UnsupportedFallback, propertyPointer, $"The binary form field '{jsonName}'", "its bytes as UTF-8 text", "a form-encoded body carries text; use multipart/form-data for files");
                }

                continue;
            }

            if ((target.Type & JsonObjectType.Array) != 0 && target.Item is { } item && IsBinary(Unwrap(item)))
            {
                fields.Add(new FormFieldSpec(jsonName, propertyName, FormFieldKind.FileArray, null, required, description, ValueStyle.Exploded, partType));
                if (!multipart)
                {
                    Report(DiagnosticDescriptors.UnsupportedFallback, propertyPointer, $"The binary form field '{jsonName}'", "its bytes as UTF-8 text", "a form-encoded body carries text; use multipart/form-data for files");
                }

                continue;
            }

            var type = Map(property, typeName + propertyName, propertyPointer);
            var kind = FormFieldKindOf(type);
            var style = ValueStyle.Exploded;
            if (kind == FormFieldKind.TextArray && !multipart)
            {
                // Form fields follow the query rules: style form, explode true unless the encoding says otherwise.
                var explode = _yaml.Exists(encodingPointer + "/explode") ? encoding!.Explode : true;
                style = encoding?.Style switch
                {
                    "spaceDelimited" => ValueStyle.SpaceDelimited,
                    "pipeDelimited" => ValueStyle.PipeDelimited,
                    _ => explode ? ValueStyle.Exploded : ValueStyle.CommaDelimited,
                };
            }

            if (kind == FormFieldKind.Json && !multipart)
            {
                Report(DiagnosticDescriptors.UnsupportedFallback, propertyPointer, $"The form field '{jsonName}' of type {Describe(type)}", "its JSON text", "deepObject and exploded object fields are not written");
            }

            fields.Add(new FormFieldSpec(jsonName, propertyName, kind, type, required, description, style, partType));
        }

        _forms.Add(new FormSpec(typeName, NullIfEmpty(schema.Description), multipart, fields.ToEquatableArray()));
        return typeName;
    }

    /// <summary>
    /// A scalar's text straight from the spec (quotes removed), for the few keys NSwag reads under another name
    /// (an encoding's <c>contentType</c> is <c>encodingType</c> to NSwag, so it never arrives).
    /// </summary>
    private string? RawScalar(string pointer)
    {
        // Locations point at the key; the value follows its ':' (block or flow style, JSON or YAML).
        var text = _input.Text;
        if (!_yaml.Locations.TryGetValue(pointer, out var location) || location.Start < 0 || location.Start + location.Length > text.Length)
        {
            return null;
        }

        var i = location.Start + location.Length;
        while (i < text.Length && (text[i] is ' ' or '\t' or '"' or '\'' ))
        {
            i++;
        }

        if (i >= text.Length || text[i] != ':')
        {
            return null;
        }

        i++;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i < text.Length && text[i] is '"' or '\'')
        {
            var close = text.IndexOf(text[i], i + 1);
            return close < 0 ? null : NullIfEmpty(text.Substring(i + 1, close - i - 1));
        }

        var end = i;
        while (end < text.Length && text[end] is not (',' or '}' or '\n' or '\r' or '#'))
        {
            end++;
        }

        return NullIfEmpty(text.Substring(i, end - i));
    }

    private static bool IsBinary(JsonSchema schema) =>
        (schema.Type & JsonObjectType.File) != 0
        || ((schema.Type & JsonObjectType.String) != 0 && schema.Format is "binary");

    private static FormFieldKind FormFieldKindOf(TypeRef type)
    {
        if (type.Kind == TypeKind.Array)
        {
            return ParameterShape(type.Element!) == ParameterValueShape.Text ? FormFieldKind.TextArray : FormFieldKind.Json;
        }

        return ParameterShape(type) == ParameterValueShape.Text ? FormFieldKind.Text : FormFieldKind.Json;
    }

    private ResponseSpec BuildResponse(OpenApiOperation operation, string typePrefix, string pointer)
    {
        foreach (var code in s_successCodes)
        {
            if (!operation.Responses.TryGetValue(code, out var response))
            {
                continue;
            }

            var content = response.ActualResponse.Content;
            if (content.Count == 0)
            {
                return new ResponseSpec(ResponseShape.None, null);
            }

            var responsePointer = pointer + "/responses/" + code;
            var json = MediaTypes.First(content.Keys, BodyKind.Json);
            var others = content.Keys.Where(k => MediaTypes.Classify(k) != BodyKind.Json).ToList();
            if (json is null)
            {
                // Text when every media type is text; bytes otherwise (form and multipart answers are rare and read as bytes).
                var accept = string.Join(", ", others.Select(MediaTypes.Essence).Distinct(StringComparer.OrdinalIgnoreCase));
                return others.All(k => MediaTypes.Classify(k) == BodyKind.Text)
                    ? new ResponseSpec(ResponseShape.Text, null, Accept: accept)
                    : new ResponseSpec(ResponseShape.Binary, null, Accept: accept);
            }

            var result = BuildJsonResponse(content[json], typePrefix, responsePointer + "/content/" + YamlSpecReader.Escape(json) + "/schema");

            // XML, YAML or text beside JSON is the same answer written otherwise: ask for JSON and return it typed.
            others = others.Where(o => !MediaTypes.IsRepresentation(o)).ToList();
            if (others.Count == 0)
            {
                return result;
            }

            if (result.Shape is ResponseShape.EnvelopeResult or ResponseShape.Plain)
            {
                // Both JSON and bytes (e.g. a step's output): the caller gets either, chosen by the response's Content-Type.
                var accept = string.Join(", ", new[] { MediaTypes.Essence(json) }.Concat(others.Select(MediaTypes.Essence)).Distinct(StringComparer.OrdinalIgnoreCase));
                return result with { OrBinary = true, Accept = accept };
            }

            Report(DiagnosticDescriptors.UnsupportedFallback, responsePointer + "/content/" + YamlSpecReader.Escape(others[0]), $"The {others[0]} response beside JSON", "not offered", "only a single JSON result can be returned beside bytes; the request asks for JSON");
            return result;
        }

        return new ResponseSpec(ResponseShape.None, null);
    }

    private ResponseSpec BuildJsonResponse(OpenApiMediaType content, string typePrefix, string schemaPointer)
    {
        if (content.Schema is not { } schema)
        {
            return new ResponseSpec(ResponseShape.None, null);
        }

        var properties = Properties(schema);
        var names = new HashSet<string>(properties.Select(p => p.Name), StringComparer.Ordinal);
        var result = properties.FirstOrDefault(p => p.Name == "result");
        if (ApiConventions.IsEnvelope(_convention, names))
        {
            if (result.Property is null)
            {
                return new ResponseSpec(ResponseShape.EnvelopeNone, null);
            }

            var resultSchema = Unwrap(result.Property);
            if (resultSchema.Type == JsonObjectType.None && resultSchema.Properties.Count == 0 && resultSchema.AllOf.Count == 0
                && resultSchema.OneOf.Count == 0 && resultSchema.AnyOf.Count == 0)
            {
                return new ResponseSpec(ResponseShape.EnvelopeNone, null);
            }

            var resultType = Map(result.Property, typePrefix + "Result", schemaPointer + "/properties/result");
            var paged = resultType.Kind == TypeKind.Array && ApiConventions.IsPage(_convention, names);
            return paged
                ? new ResponseSpec(ResponseShape.EnvelopePage, resultType.Element)
                : new ResponseSpec(ResponseShape.EnvelopeResult, resultType);
        }

        return new ResponseSpec(ResponseShape.Plain, Map(schema, typePrefix + "Response", schemaPointer));
    }
}
