using System.Collections.Generic;
using System.Linq;
using Cloudflare.OpenApi.Generator.Conventions;
using Cloudflare.OpenApi.Generator.Helpers;
using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>Emits the root client with its options, and one sub-client per operation group.</summary>
internal static class ClientEmitter
{
    private const string Pipeline = "global::Cloudflare.OpenApi.Infrastructure.CloudflarePipeline";
    private const string Validation = "global::Cloudflare.OpenApi.Infrastructure.ParameterValidation";
    private const string UriBuilder = "global::Cloudflare.OpenApi.Infrastructure.RequestBuilder";
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string Token = "global::System.Threading.CancellationToken";
    private const string RequestOptions = "global::Cloudflare.OpenApi.CloudflareRequestOptions";
    private const string BinaryContent = "global::Cloudflare.OpenApi.BinaryContent";
    private const string RequestContent = "global::Cloudflare.OpenApi.Infrastructure.RequestContent";

    /// <summary>The root client, its options, and the root group's operations (those with no group).</summary>
    public static string EmitRoot(GenerationContext context, ClientSpec client, GroupSpec? rootGroup, EquatableArray<string> validatingTypes)
    {
        var w = new SourceWriter();
        Header.Write(w);
        w.OpenBlock($"namespace {context.Namespace}");

        // Options
        w.WriteLine($"/// <summary>Options of <see cref=\"{client.Name}\"/>: credentials, base URI, timeouts, retries{(client.ClientParameters.Count > 0 ? " and the values every call needs" : string.Empty)}.</summary>");
        w.WriteLine(GeneratedCode(context));
        w.OpenBlock($"public partial class {client.Name}Options : {ApiConventions.OptionsBaseType(client.Convention)}");
        var first = true;
        foreach (var parameter in client.ClientParameters)
        {
            if (!first)
            {
                w.WriteLine();
            }

            first = false;
            w.WriteSummary(parameter.Description, $"The <c>{SourceWriter.EscapeXml(parameter.JsonName)}</c> every call uses.");
            w.WriteLine($"public string? {parameter.Name} {{ get; set; }}");
        }

        CredentialEmitter.EmitProperties(w, client.Credentials, ref first);
        w.CloseBlock();
        w.WriteLine();

        // Client
        w.WriteSummary(client.Description is null ? client.Title : client.Title + "\n" + client.Description, "The API client.");
        w.WriteLine("/// <remarks>Thread-safe; create one and reuse it.</remarks>");
        w.WriteLine(GeneratedCode(context));
        w.OpenBlock($"public partial class {client.Name}");
        w.WriteLine("/// <summary>The spec's first server: used when the options set no <c>BaseUri</c>.</summary>");
        w.WriteLine($"public const string DefaultBaseUri = {SourceWriter.Literal(client.DefaultBaseUri)};");
        w.WriteLine();
        w.WriteLine($"internal const string GeneratorVersion = {SourceWriter.Literal(context.GeneratorVersion)};");
        w.WriteLine();
        w.WriteLine($"private readonly {Pipeline} _pipeline = null!;");
        foreach (var parameter in client.ClientParameters)
        {
            w.WriteLine($"private readonly string? _{Naming.Camel(parameter.JsonName).TrimStart('@')};");
        }

        w.WriteLine();
        w.WriteLine("/// <summary>For mocking: creates a client that has no pipeline.</summary>");
        w.OpenBlock($"protected {client.Name}()");
        foreach (var group in client.Groups)
        {
            w.WriteLine($"{group.Property} = null!;");
        }

        w.CloseBlock();
        w.WriteLine();
        w.WriteLine("/// <summary>Creates a client with its own pooled <see cref=\"global::System.Net.Http.HttpClient\"/>.</summary>");
        w.WriteLine("/// <param name=\"options\">Credentials and settings; copied, so later changes have no effect.</param>");
        w.WriteLine($"public {client.Name}({client.Name}Options options)");
        w.WriteLine("    : this(options, null)");
        w.WriteLine("{");
        w.WriteLine("}");
        w.WriteLine();
        w.WriteLine("/// <summary>Creates a client that sends through <paramref name=\"httpClient\"/> (e.g. from IHttpClientFactory).</summary>");
        w.WriteLine("/// <param name=\"options\">Credentials and settings; copied, so later changes have no effect.</param>");
        w.WriteLine("/// <param name=\"httpClient\">The transport; a private pooled one when null.</param>");
        w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">The options are incomplete (no credentials, a bad base URI, …).</exception>");
        w.OpenBlock($"public {client.Name}({client.Name}Options options, global::System.Net.Http.HttpClient? httpClient)");
        w.WriteLine("if (options is null) throw new global::System.ArgumentNullException(nameof(options));");
        w.WriteLine($"_pipeline = new {Pipeline}(options, httpClient, DefaultBaseUri, typeof({client.Name}).Assembly, GeneratorVersion);");
        foreach (var parameter in client.ClientParameters)
        {
            var field = "_" + Naming.Camel(parameter.JsonName).TrimStart('@');
            w.WriteLine($"{field} = options.{parameter.Name};");
            if (parameter.Constraints is { IsEmpty: false } c)
            {
                w.WriteLine($"{Validation}.String({field}, \"options.{parameter.Name}\", {TypeEmitter.Int(c.MinLength)}, {TypeEmitter.Int(c.MaxLength)}, null, null);");
            }
        }

        var clientArgs = string.Concat(client.ClientParameters.Select(p => ", _" + Naming.Camel(p.JsonName).TrimStart('@')));
        foreach (var group in client.Groups)
        {
            w.WriteLine($"{group.Property} = new {group.ClassName}(_pipeline{clientArgs});");
        }

        w.CloseBlock();
        foreach (var group in client.Groups)
        {
            w.WriteLine();
            w.WriteLine($"/// <summary>The {group.Property} operations.</summary>");
            w.WriteLine($"public virtual {group.ClassName} {group.Property} {{ get; }}");
        }

        if (rootGroup is not null)
        {
            foreach (var operation in rootGroup.Operations)
            {
                w.WriteLine();
                EmitOperations(w, new TypeNames(context.Namespace), client, operation, validatingTypes);
            }
        }

        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }

    /// <summary>One sub-client with a method per operation.</summary>
    public static string EmitGroup(GenerationContext context, ClientSpec client, GroupSpec group, EquatableArray<string> validatingTypes)
    {
        var names = new TypeNames(context.Namespace);
        var className = group.ClassName;
        var w = new SourceWriter();
        Header.Write(w);
        w.OpenBlock($"namespace {context.Namespace}");
        w.WriteSummary(group.Description, $"The {group.Name} operations of <see cref=\"{client.Name}\"/>.");
        w.WriteLine("/// <remarks>Get it from the client's property; thread-safe.</remarks>");
        w.WriteLine(GeneratedCode(context));
        w.OpenBlock($"public partial class {className}");
        w.WriteLine($"private readonly {Pipeline} _pipeline = null!;");
        foreach (var parameter in client.ClientParameters)
        {
            w.WriteLine($"private readonly string? _{Naming.Camel(parameter.JsonName).TrimStart('@')};");
        }

        w.WriteLine();
        w.WriteLine("/// <summary>For mocking: creates a client that has no pipeline.</summary>");
        w.OpenBlock($"protected {className}()");
        foreach (var child in group.Children)
        {
            w.WriteLine($"{child.Property} = null!;");
        }

        w.CloseBlock();
        w.WriteLine();
        var ctorParameters = string.Concat(client.ClientParameters.Select(p => $", string? {Naming.Camel(p.JsonName).TrimStart('@')}"));
        w.OpenBlock($"internal {className}({Pipeline} pipeline{ctorParameters})");
        w.WriteLine("_pipeline = pipeline;");
        foreach (var parameter in client.ClientParameters)
        {
            var name = Naming.Camel(parameter.JsonName).TrimStart('@');
            w.WriteLine($"_{name} = {name};");
        }

        var childArgs = string.Concat(client.ClientParameters.Select(p => ", " + Naming.Camel(p.JsonName).TrimStart('@')));
        foreach (var child in group.Children)
        {
            w.WriteLine($"{child.Property} = new {child.ClassName}(pipeline{childArgs});");
        }

        w.CloseBlock();
        foreach (var child in group.Children)
        {
            w.WriteLine();
            w.WriteLine($"/// <summary>The {child.Property} operations.</summary>");
            w.WriteLine($"public virtual {child.ClassName} {child.Property} {{ get; }}");
        }

        foreach (var operation in group.Operations)
        {
            w.WriteLine();
            EmitOperations(w, names, client, operation, validatingTypes);
        }

        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }

    private static string GeneratedCode(GenerationContext context) =>
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"Cloudflare.OpenApi.Generator\", \"{context.GeneratorVersion}\")]";

    /// <summary>The operation's method, and its <c>…StreamAsync</c> twin when it answers bytes.</summary>
    private static void EmitOperations(SourceWriter w, TypeNames names, ClientSpec client, OperationSpec op, EquatableArray<string> validatingTypes)
    {
        EmitOperation(w, names, client, op, validatingTypes);
        if (op.StreamMethodName is { } stream)
        {
            w.WriteLine();
            EmitOperation(w, names, client, op with { MethodName = stream, StreamMethodName = null, Response = op.Response with { Shape = ResponseShape.Stream } }, validatingTypes);
        }
    }

    private static void EmitOperation(SourceWriter w, TypeNames names, ClientSpec client, OperationSpec op, EquatableArray<string> validatingTypes)
    {
        var methodParameters = op.Parameters.Where(p => p.ClientProperty is null).ToList();
        var pathParameters = methodParameters.Where(p => p.Location == ParameterLocation.Path).ToList();
        var requiredQuery = methodParameters.Where(p => p.Location != ParameterLocation.Path && p.Required).ToList();
        var optionalQuery = methodParameters.Where(p => p.Location != ParameterLocation.Path && !p.Required).ToList();

        var signature = new List<MethodParameter>();
        var docs = new List<(string Name, string? Text)>();
        foreach (var p in pathParameters.Concat(requiredQuery))
        {
            signature.Add(new MethodParameter(names.OfParameter(p.Type), p.Name, null));
            docs.Add((p.Name, Xml(p.Description) ?? $"The <c>{SourceWriter.EscapeXml(p.JsonName)}</c> {Location(p.Location)} parameter."));
        }

        if (op.Body is { } body)
        {
            var bodyType = BodyType(names, body);
            signature.Add(body.Required ? new MethodParameter(bodyType, "body", null) : new MethodParameter(bodyType + "?", "body", "null"));
            docs.Add(("body", Xml(body.Description) ?? BodyDoc(body)));
        }

        foreach (var p in optionalQuery)
        {
            signature.Add(new MethodParameter(names.OfParameter(p.Type) + "?", p.Name, "null"));
            docs.Add((p.Name, Xml(p.Description) ?? $"The <c>{SourceWriter.EscapeXml(p.JsonName)}</c> {Location(p.Location)} parameter (optional)."));
        }

        signature.Add(new MethodParameter(RequestOptions + "?", "requestOptions", "null"));
        docs.Add(("requestOptions", "Per-call settings (timeouts, retries, headers, idempotency) and the raw response; the client's settings when null."));
        signature.Add(new MethodParameter(Token, "cancellationToken", "default"));
        docs.Add(("cancellationToken", "Cancels the request."));

        var (returnType, returnDoc) = ReturnType(names, op.Response);
        WriteDocs(w, names, op, docs, returnDoc);
        if (op.Deprecated)
        {
            w.WriteLine("[global::System.Obsolete(\"The API marks this operation as deprecated.\")]");
        }

        w.OpenBlock($"public virtual {returnType} {op.MethodName}({string.Join(", ", signature)})");
        foreach (var p in op.Parameters.Where(p => p.ClientProperty is not null))
        {
            var field = "_" + Naming.Camel(p.JsonName).TrimStart('@');
            w.WriteLine($"if (string.IsNullOrEmpty({field})) throw new global::System.InvalidOperationException(\"{client.Name}Options.{p.ClientProperty} is not set; {op.MethodName} needs it for the '{p.JsonName}' path parameter.\");");
        }

        foreach (var p in pathParameters)
        {
            if (p.Type.Kind == TypeKind.String)
            {
                w.WriteLine($"{Validation}.NotNullOrEmpty({p.Name}, nameof({p.Name}));");
            }
            else if (!p.Type.IsValueType)
            {
                w.WriteLine($"if ({p.Name} is null) throw new global::System.ArgumentNullException(nameof({p.Name}));");
            }
        }

        foreach (var p in methodParameters.Where(p => p.Required && p.Location != ParameterLocation.Path && !p.Type.IsValueType))
        {
            w.WriteLine($"if ({p.Name} is null) throw new global::System.ArgumentNullException(nameof({p.Name}));");
        }

        var patternFields = new List<(string Field, string Pattern)>();
        foreach (var p in methodParameters)
        {
            if (p.Constraints is not { IsEmpty: false } c)
            {
                continue;
            }

            if (p.Type.Kind == TypeKind.String)
            {
                var pattern = "null";
                if (c.Pattern is not null)
                {
                    pattern = $"s_{op.MethodName}{Naming.Pascal(p.JsonName)}Pattern";
                    patternFields.Add((pattern, c.Pattern));
                }

                w.WriteLine($"{Validation}.String({p.Name}, nameof({p.Name}), {TypeEmitter.Int(c.MinLength)}, {TypeEmitter.Int(c.MaxLength)}, {pattern}, {(c.Pattern is null ? "null" : SourceWriter.Literal(c.Pattern))});");
            }
            else if (p.Type.Kind is TypeKind.Integer or TypeKind.Number)
            {
                w.WriteLine($"{Validation}.Number({(p.Type.Format == NumberFormat.Decimal ? "(double?)" : string.Empty)}{p.Name}, nameof({p.Name}), {TypeEmitter.Double(c.Minimum)}, {TypeEmitter.Bool(c.ExclusiveMinimum)}, {TypeEmitter.Double(c.Maximum)}, {TypeEmitter.Bool(c.ExclusiveMaximum)});");
            }
        }

        if (op.Body is { } checkedBody)
        {
            EmitBodyChecks(w, checkedBody, validatingTypes);
        }

        w.WriteLine();
        // The path template travels with the request so logs, metrics and spans name the route, never its values.
        w.WriteLine($"var uri = new {UriBuilder}(_pipeline.BaseUri, {SourceWriter.Literal(op.Path)});");
        foreach (var segment in op.Segments)
        {
            if (!segment.IsParameter)
            {
                w.WriteLine($"uri.AppendPath({SourceWriter.Literal(segment.Text)});");
                continue;
            }

            var parameter = op.Parameters.First(p => p.Location == ParameterLocation.Path && p.JsonName == segment.Text);
            var value = parameter.ClientProperty is not null
                ? "_" + Naming.Camel(parameter.JsonName).TrimStart('@') + "!"
                : parameter.Type.Kind == TypeKind.Array
                    ? WireText.Join(names, parameter.Type.Element!, parameter.Name, ",") + "!"
                    : WireText.Of(names, parameter.Type, parameter.Name);
            w.WriteLine($"uri.AppendPathParameter({value});");
        }

        foreach (var p in methodParameters.Where(p => p.Location != ParameterLocation.Path))
        {
            EmitQueryOrHeader(w, names, p);
        }

        if (op.Response.Accept is { } accept)
        {
            w.WriteLine($"uri.Accept = {SourceWriter.Literal(accept)};");
        }

        var content = op.Body is { } sent ? EmitBodyContent(w, names, sent) : "null";
        var operationName = SourceWriter.Literal(op.OperationId);
        var method = HttpMethod(op.HttpMethod);
        var resultType = op.Response.Type is { } t ? names.Of(t) : string.Empty;
        var read = op.Response.Type is { } r ? names.ReadFunc(r) : string.Empty;
        w.WriteLine(op.Response.Shape switch
        {
            ResponseShape.EnvelopeResult when op.Response.OrBinary => $"return _pipeline.SendForJsonOrBinaryAsync<{resultType}>({operationName}, {method}, uri, {content}, true, {read}, requestOptions, cancellationToken);",
            ResponseShape.Plain when op.Response.OrBinary => $"return _pipeline.SendForJsonOrBinaryAsync<{resultType}>({operationName}, {method}, uri, {content}, false, {read}, requestOptions, cancellationToken);",
            ResponseShape.EnvelopeResult => $"return _pipeline.SendForResultAsync<{resultType}>({operationName}, {method}, uri, {content}, {read}, requestOptions, cancellationToken);",
            ResponseShape.EnvelopePage => $"return _pipeline.SendForPageAsync<{resultType}>({operationName}, {method}, uri, {content}, {read}, requestOptions, cancellationToken);",
            ResponseShape.Plain => $"return _pipeline.SendForBodyAsync<{resultType}>({operationName}, {method}, uri, {content}, {read}, requestOptions, cancellationToken);",
            ResponseShape.EnvelopeNone => $"return _pipeline.SendAsync({operationName}, {method}, uri, {content}, requestOptions, cancellationToken);",
            ResponseShape.Binary => $"return _pipeline.SendForBinaryAsync({operationName}, {method}, uri, {content}, requestOptions, cancellationToken);",
            ResponseShape.Stream => $"return _pipeline.SendForStreamAsync({operationName}, {method}, uri, {content}, requestOptions, cancellationToken);",
            ResponseShape.Text => $"return _pipeline.SendForTextAsync({operationName}, {method}, uri, {content}, requestOptions, cancellationToken);",
            ResponseShape.None => $"return _pipeline.SendWithoutContentAsync({operationName}, {method}, uri, {content}, requestOptions, cancellationToken);",
        });

        w.CloseBlock();
        foreach (var (field, pattern) in patternFields)
        {
            w.WriteLine();
            w.WriteLine($"private static readonly global::System.Text.RegularExpressions.Regex {field} = new({SourceWriter.Literal(pattern)}, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1));");
        }

        if (op.Response.Shape == ResponseShape.EnvelopePage)
        {
            EmitAutoPaging(w, names, op, signature, docs);
        }
    }

    /// <summary>One parameter of a generated method: its C# type, name and default (null when it has none).</summary>
    private readonly record struct MethodParameter(string Type, string Name, string? Default)
    {
        public override string ToString() => Default is null ? $"{Type} {Name}" : $"{Type} {Name} = {Default}";
    }

    private static string Location(ParameterLocation location) => location switch
    {
        ParameterLocation.Path => "path",
        ParameterLocation.Query => "query",
        ParameterLocation.Header => "header",
        ParameterLocation.Cookie => "cookie",
    };

    private static (string Type, string Doc) ReturnType(TypeNames names, ResponseSpec response) => response.Shape switch
    {
        ResponseShape.EnvelopeResult or ResponseShape.Plain when response.OrBinary =>
            ($"{Task}<global::Cloudflare.OpenApi.JsonOrBinary<{names.Of(response.Type!)}>>", "The response's result when it is JSON, or its bytes and media type otherwise (chosen by <c>Content-Type</c>)."),
        ResponseShape.EnvelopeResult or ResponseShape.Plain => ($"{Task}<{names.Of(response.Type!)}>", "The response's result."),
        ResponseShape.EnvelopePage => ($"{Task}<global::Cloudflare.OpenApi.CloudflarePage<{names.Of(response.Type!)}>>", "One page of results, with its <c>result_info</c>."),
        ResponseShape.Binary => ($"{Task}<{BinaryContent}>", "The response's bytes and media type."),
        ResponseShape.Stream => ($"{Task}<global::Cloudflare.OpenApi.StreamedContent>", "The response's body, unread: read its <c>Content</c>, then dispose it (it holds the connection; nothing is buffered, so <c>MaxResponseSize</c> does not apply)."),
        ResponseShape.Text => ($"{Task}<string>", "The response's text."),
        ResponseShape.EnvelopeNone or ResponseShape.None => (Task, "A task that completes when the API has accepted the request."),
    };

    private static string BodyType(TypeNames names, BodySpec body) => body.Kind switch
    {
        BodyKind.Json => names.OfParameter(body.Type!),
        BodyKind.Form or BodyKind.Multipart => names.Of(body.Type!),
        BodyKind.Binary => BinaryContent,
        BodyKind.Text => "string",
    };

    private static string BodyDoc(BodySpec body)
    {
        var media = SourceWriter.EscapeXml(body.MediaType);
        var what = body.Kind switch
        {
            BodyKind.Json => "The request body",
            BodyKind.Form => $"The request body, sent as <c>{media}</c> fields",
            BodyKind.Multipart => $"The request body, sent as <c>{media}</c> parts",
            BodyKind.Binary => $"The request body (a stream or bytes), sent as <c>{media}</c> unless it names its own media type",
            BodyKind.Text => $"The request body, sent as <c>{media}</c>",
        };
        return body.Required ? what + "." : what + " (optional).";
    }

    private static void EmitBodyChecks(SourceWriter w, BodySpec body, EquatableArray<string> validatingTypes)
    {
        var isValueType = body.Kind == BodyKind.Json && body.Type!.IsValueType;
        if (body.Required && !isValueType)
        {
            w.WriteLine("if (body is null) throw new global::System.ArgumentNullException(nameof(body));");
        }

        if (body.Kind != BodyKind.Json)
        {
            return;
        }

        if (body.Type!.Kind == TypeKind.Object && validatingTypes.Contains(body.Type.Name!))
        {
            w.WriteLine(body.Required ? "body.Validate(nameof(body));" : "body?.Validate(nameof(body));");
        }
        else if (body.Type.Kind == TypeKind.Array && body.Type.Element!.Kind == TypeKind.Object && validatingTypes.Contains(body.Type.Element.Name!))
        {
            w.WriteLine("var index = 0;");
            w.WriteLine("foreach (var item in body!) { if (item is null) throw new global::System.ArgumentException(\"The body has a null item at index \" + index + \".\", nameof(body)); item.Validate(\"body[\" + index++ + \"]\"); }");
        }
    }

    /// <summary>Writes the body; returns the JSON bytes argument of the pipeline call (<c>content</c>, or <c>null</c> for non-JSON bodies set on the request).</summary>
    private static string EmitBodyContent(SourceWriter w, TypeNames names, BodySpec body)
    {
        var guard = body.Required ? string.Empty : "if (body is not null) ";
        var type = body.Type;
        var value = body.Required || type is not { IsValueType: true } ? "body" : "body.Value";
        w.WriteLine(body.Kind switch
        {
            BodyKind.Json => body.Required
                ? $"var content = {WireText.JsonBytes(names, type!, value)};"
                : $"var content = body is null ? null : {WireText.JsonBytes(names, type!, value)};",
            BodyKind.Form or BodyKind.Multipart => $"{guard}uri.Content = body.CreateRequestContent();",
            BodyKind.Binary => $"{guard}uri.Content = {RequestContent}.Binary(body, {SourceWriter.Literal(body.MediaType)});",
            BodyKind.Text => $"{guard}uri.Content = {RequestContent}.Text(body, {SourceWriter.Literal(body.MediaType)});",
        });
        return body.Kind == BodyKind.Json ? "content" : "null";
    }

    private static void EmitQueryOrHeader(SourceWriter w, TypeNames names, ParameterSpec p)
    {
        var name = SourceWriter.Literal(p.JsonName);
        var nullable = !p.Required;
        if (p.Location is ParameterLocation.Header or ParameterLocation.Cookie)
        {
            var text = p.Type.Kind == TypeKind.Array ? WireText.Join(names, p.Type.Element!, p.Name, ",") : WireText.OfOptional(names, p.Type, p.Name, nullable);
            w.WriteLine($"uri.{(p.Location == ParameterLocation.Header ? "AppendHeader" : "AppendCookie")}({name}, {text});");
            return;
        }

        switch (p.Type.Kind)
        {
            case TypeKind.Array:
                var each = WireText.Each(names, p.Type.Element!, p.Name);
                w.WriteLine(p.ValueStyle switch
                {
                    ValueStyle.Exploded or ValueStyle.DeepObject => $"uri.AppendQueryEach({name}, {each});",
                    ValueStyle.CommaDelimited or ValueStyle.SpaceDelimited or ValueStyle.PipeDelimited =>
                        $"uri.AppendQueryJoined({name}, {each}, {SourceWriter.Literal(WireText.Delimiter(p.ValueStyle))});",
                    ValueStyle.JsonText => $"uri.AppendQueryJson({name}, {WireText.OptionalJsonBytes(names, p.Type, p.Name, nullable)}, {QueryStyle(p.ValueStyle)});",
                });
                break;
            case TypeKind.Object or TypeKind.Union or TypeKind.ValueUnion or TypeKind.Map:
                w.WriteLine($"uri.AppendQueryJson({name}, {WireText.OptionalJsonBytes(names, p.Type, p.Name, nullable)}, {QueryStyle(p.ValueStyle)});");
                break;
            case TypeKind.String or TypeKind.Boolean or TypeKind.Integer or TypeKind.Number or TypeKind.DateTime or TypeKind.Enum or TypeKind.IntegerEnum or TypeKind.PrimitiveUnion or TypeKind.Any:
                w.WriteLine($"uri.AppendQuery({name}, {WireText.OfOptional(names, p.Type, p.Name, nullable)});");
                break;
        }
    }

    /// <summary>The runtime's <c>QueryStyle</c> for an object, map or union query parameter.</summary>
    private static string QueryStyle(ValueStyle style) => "global::Cloudflare.OpenApi.Infrastructure.QueryStyle." + style switch
    {
        ValueStyle.Exploded => "Form",
        ValueStyle.CommaDelimited => "FormUnexploded",
        ValueStyle.SpaceDelimited => "SpaceDelimited",
        ValueStyle.PipeDelimited => "PipeDelimited",
        ValueStyle.DeepObject => "DeepObject",
        ValueStyle.JsonText => "JsonText",
    };

    /// <summary>For list operations that page by <c>page</c> or <c>cursor</c>: an <c>IAsyncEnumerable</c> over every item.</summary>
    private static void EmitAutoPaging(SourceWriter w, TypeNames names, OperationSpec op, List<MethodParameter> signature, List<(string Name, string? Text)> docs)
    {
        var page = op.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && p.JsonName == "page" && p.Type.Kind is TypeKind.Integer or TypeKind.Number);
        var cursor = op.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && p.JsonName == "cursor" && p.Type.Kind == TypeKind.String);
        if (page is null && cursor is null)
        {
            return;
        }

        var perPage = op.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && p.JsonName == "per_page" && p.Type.Kind is TypeKind.Integer or TypeKind.Number);
        var baseName = op.MethodName.Substring(0, op.MethodName.Length - "Async".Length);
        var itemType = names.Of(op.Response.Type!);
        var excluded = new HashSet<string> { page?.Name ?? string.Empty, cursor?.Name ?? string.Empty };
        var allSignature = signature.Where(s => !excluded.Contains(s.Name)).ToList();
        var allDocs = docs.Where(d => !excluded.Contains(d.Name)).ToList();

        w.WriteLine();
        w.WriteLine($"/// <summary>Every item of <see cref=\"{op.MethodName}\"/>, fetching pages as the enumeration goes.</summary>");
        foreach (var (name, text) in allDocs)
        {
            w.WriteDocTag("param", $" name=\"{name.TrimStart('@')}\"", text);
        }

        w.WriteLine("/// <returns>The items of all pages, in order.</returns>");
        w.OpenBlock($"public virtual global::System.Collections.Generic.IAsyncEnumerable<{itemType}> {baseName}AllAsync({string.Join(", ", allSignature)})");
        var callArgs = new List<string>();
        foreach (var parameter in signature)
        {
            var name = parameter.Name;
            if (name == "cancellationToken")
            {
                continue;
            }

            if (page is not null && name == page.Name)
            {
                callArgs.Add($"{name}: {PageNumber(names, page)}");
            }
            else if (cursor is not null && name == cursor.Name)
            {
                callArgs.Add($"{name}: pageCursor");
            }
            else
            {
                callArgs.Add($"{name}: {name}");
            }
        }

        callArgs.Add("cancellationToken: token");
        w.WriteLine($"return global::Cloudflare.OpenApi.Infrastructure.CloudflarePager.EnumerateAsync<{itemType}>(");
        w.WriteLine($"    (pageNumber, pageCursor, token) => {op.MethodName}({string.Join(", ", callArgs)}),");
        w.WriteLine($"    {(page is null ? "null" : "1")}, null, {(perPage is null ? "null" : PerPage(perPage))}, _pipeline.MaxPages, cancellationToken);");
        w.CloseBlock();
    }

    // The pager counts in long; a per_page of another numeric type is converted (a double per_page is a whole number in practice).
    private static string PerPage(ParameterSpec perPage) => perPage.Type.Kind == TypeKind.Integer ? perPage.Name : $"(long?){perPage.Name}";

    // The pager's page number is a long? (never null when the operation has a page parameter); a page parameter that is an
    // int (format int32), a double (type number) or required is converted (Cloudflare's full API has all three).
    private static string PageNumber(TypeNames names, ParameterSpec page) => page switch
    {
        { Required: true } => $"({names.OfParameter(page.Type)})pageNumber.GetValueOrDefault(1)",
        { Type: { Kind: TypeKind.Integer, Format: NumberFormat.Default } } => "pageNumber",
        _ => $"({names.OfParameter(page.Type)}?)pageNumber",
    };

    private static void WriteDocs(SourceWriter w, TypeNames names, OperationSpec op, List<(string Name, string? Text)> docs, string returnDoc)
    {
        w.WriteSummary(op.Summary ?? op.Description, SourceWriter.EscapeXml($"{op.HttpMethod} {op.Path}"));
        if (op.Summary is not null && op.Description is not null && op.Description != op.Summary)
        {
            w.WriteDocTag("remarks", string.Empty, SourceWriter.EscapeXml(op.Description + $" ({op.HttpMethod} {op.Path})"));
        }
        else
        {
            w.WriteDocTag("remarks", string.Empty, SourceWriter.EscapeXml($"{op.HttpMethod} {op.Path}"));
        }

        foreach (var (name, text) in docs)
        {
            w.WriteDocTag("param", $" name=\"{name.TrimStart('@')}\"", text);
        }

        w.WriteLine($"/// <returns>{returnDoc}</returns>");
        w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A parameter breaks a constraint of the API (checked before anything is sent).</exception>");
        var bodies = op.ErrorBodies.Count == 0
            ? string.Empty
            : " Its body reads with <c>Failure.ReadBody&lt;T&gt;()</c> as " + string.Join(", ", op.ErrorBodies.Select(b => $"<see cref=\"{names.Of(b.Type)}\"/> ({SourceWriter.EscapeXml(b.Status)})")) + ".";
        w.WriteLine($"/// <exception cref=\"global::Cloudflare.OpenApi.CloudflareApiException\">The API answered with an error (a subclass tells which: not found, conflict, …).{bodies}</exception>");
    }

    private static string? Xml(string? specText) => specText is null ? null : SourceWriter.EscapeXml(specText);

    private static string HttpMethod(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "TRACE" => "global::System.Net.Http.HttpMethod.Trace",
        _ => $"new global::System.Net.Http.HttpMethod({SourceWriter.Literal(method)})",
    };
}
