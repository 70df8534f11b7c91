using System.Collections.Generic;
using System.Linq;
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

    /// <summary>The root client, its options, and the root group's operations (those with no group).</summary>
    public static string EmitRoot(GenerationContext context, ClientSpec client, GroupSpec? rootGroup, EquatableArray<string> validatingTypes)
    {
        var w = new SourceWriter();
        Header.Write(w);
        w.OpenBlock($"namespace {context.Namespace}");

        // Options
        w.WriteLine($"/// <summary>Options of <see cref=\"{client.Name}\"/>: credentials, base URI, timeouts, retries{(client.ClientParameters.Count > 0 ? " and the values every call needs" : string.Empty)}.</summary>");
        w.WriteLine(GeneratedCode(context));
        w.OpenBlock($"public partial class {client.Name}Options : global::Cloudflare.OpenApi.CloudflareClientOptions");
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
                EmitOperation(w, new TypeNames(context.Namespace), client, operation, validatingTypes);
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
        w.WriteLine($"protected {className}()");
        w.WriteLine("{");
        w.WriteLine("}");
        w.WriteLine();
        var ctorParameters = string.Concat(client.ClientParameters.Select(p => $", string? {Naming.Camel(p.JsonName).TrimStart('@')}"));
        w.OpenBlock($"internal {className}({Pipeline} pipeline{ctorParameters})");
        w.WriteLine("_pipeline = pipeline;");
        foreach (var parameter in client.ClientParameters)
        {
            var name = Naming.Camel(parameter.JsonName).TrimStart('@');
            w.WriteLine($"_{name} = {name};");
        }

        w.CloseBlock();
        foreach (var operation in group.Operations)
        {
            w.WriteLine();
            EmitOperation(w, names, client, operation, validatingTypes);
        }

        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }

    private static string GeneratedCode(GenerationContext context) =>
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"Cloudflare.OpenApi.Generator\", \"{context.GeneratorVersion}\")]";

    private static void EmitOperation(SourceWriter w, TypeNames names, ClientSpec client, OperationSpec op, EquatableArray<string> validatingTypes)
    {
        var methodParameters = op.Parameters.Where(p => p.ClientProperty is null).ToList();
        var pathParameters = methodParameters.Where(p => p.Location == ParameterLocation.Path).ToList();
        var requiredQuery = methodParameters.Where(p => p.Location != ParameterLocation.Path && p.Required).ToList();
        var optionalQuery = methodParameters.Where(p => p.Location != ParameterLocation.Path && !p.Required).ToList();

        var signature = new List<string>();
        var docs = new List<(string Name, string? Text)>();
        foreach (var p in pathParameters.Concat(requiredQuery))
        {
            signature.Add($"{names.OfParameter(p.Type)} {p.Name}");
            docs.Add((p.Name, Xml(p.Description) ?? $"The <c>{SourceWriter.EscapeXml(p.JsonName)}</c> {p.Location.ToString().ToLowerInvariant()} parameter."));
        }

        if (op.Body is { Required: true } requiredBody)
        {
            signature.Add($"{names.OfParameter(requiredBody.Type)} body");
            docs.Add(("body", Xml(requiredBody.Description) ?? "The request body."));
        }
        else if (op.Body is { } optionalBody)
        {
            signature.Add($"{names.OfParameter(optionalBody.Type)}? body = null");
            docs.Add(("body", Xml(optionalBody.Description) ?? "The request body (optional)."));
        }

        foreach (var p in optionalQuery)
        {
            signature.Add($"{names.OfParameter(p.Type)}? {p.Name} = null");
            docs.Add((p.Name, Xml(p.Description) ?? $"The <c>{SourceWriter.EscapeXml(p.JsonName)}</c> {p.Location.ToString().ToLowerInvariant()} parameter (optional)."));
        }

        signature.Add($"{Token} cancellationToken = default");
        docs.Add(("cancellationToken", "Cancels the request."));

        var (returnType, returnDoc) = op.Response.Shape switch
        {
            ResponseShape.EnvelopeResult or ResponseShape.Plain => ($"{Task}<{names.Of(op.Response.Type!)}>", "The response's result."),
            ResponseShape.EnvelopePage => ($"{Task}<global::Cloudflare.OpenApi.CloudflarePage<{names.Of(op.Response.Type!)}>>", "One page of results, with its <c>result_info</c>."),
            _ => (Task, "A task that completes when the API has accepted the request."),
        };

        WriteDocs(w, op, docs, returnDoc);
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
                w.WriteLine($"{Validation}.Number({p.Name}, nameof({p.Name}), {TypeEmitter.Double(c.Minimum)}, {TypeEmitter.Bool(c.ExclusiveMinimum)}, {TypeEmitter.Double(c.Maximum)}, {TypeEmitter.Bool(c.ExclusiveMaximum)});");
            }
        }

        if (op.Body is { } body)
        {
            if (body.Required && !body.Type.IsValueType)
            {
                w.WriteLine("if (body is null) throw new global::System.ArgumentNullException(nameof(body));");
            }

            if (body.Type.Kind == TypeKind.Object && validatingTypes.Contains(body.Type.Name!))
            {
                w.WriteLine(body.Required ? "body.Validate(nameof(body));" : "body?.Validate(nameof(body));");
            }
            else if (body.Type.Kind == TypeKind.Array && body.Type.Element!.Kind == TypeKind.Object && validatingTypes.Contains(body.Type.Element.Name!))
            {
                w.WriteLine("var index = 0;");
                w.WriteLine("foreach (var item in body!) { if (item is null) throw new global::System.ArgumentException(\"The body has a null item at index \" + index + \".\", nameof(body)); item.Validate(\"body[\" + index++ + \"]\"); }");
            }
        }

        w.WriteLine();
        w.WriteLine($"var uri = new {UriBuilder}(_pipeline.BaseUri);");
        foreach (var part in PathParts(op.Path))
        {
            if (part.IsParameter)
            {
                var parameter = op.Parameters.First(p => p.Location == ParameterLocation.Path && p.JsonName == part.Text);
                var value = parameter.ClientProperty is not null ? "_" + Naming.Camel(parameter.JsonName).TrimStart('@') + "!" : ToText(parameter.Type, parameter.Name, required: true);
                w.WriteLine($"uri.AppendPathParameter({value});");
            }
            else
            {
                w.WriteLine($"uri.AppendPath({SourceWriter.Literal(part.Text)});");
            }
        }

        foreach (var p in methodParameters.Where(p => p.Location != ParameterLocation.Path))
        {
            var append = p.Location == ParameterLocation.Header ? "AppendHeader" : "AppendQuery";
            if (p.Type.Kind == TypeKind.Array)
            {
                w.WriteLine($"if ({p.Name} is not null) foreach (var item in {p.Name}) uri.{append}({SourceWriter.Literal(p.JsonName)}, {ToText(p.Type.Element!, "item", required: true, header: p.Location == ParameterLocation.Header)});");
            }
            else
            {
                w.WriteLine($"uri.{append}({SourceWriter.Literal(p.JsonName)}, {ToText(p.Type, p.Name, p.Required, header: p.Location == ParameterLocation.Header)});");
            }
        }

        var content = "null";
        if (op.Body is { } b)
        {
            var value = b.Required || !b.Type.IsValueType ? "body" : "body.Value";
            var write = b.Type.Kind == TypeKind.Array
                ? $"static (writer, value) => global::Cloudflare.OpenApi.Serialization.JsonWrite.List<{names.Of(b.Type.Element!)}>(writer, value, static (w0, v0) => {{ {names.Write(b.Type.Element!, "w0", "v0", 1)} }})"
                : names.WriteFunc(b.Type);
            var writeType = b.Type.Kind == TypeKind.Array ? names.OfParameter(b.Type) : names.Of(b.Type);
            w.WriteLine(b.Required
                ? $"var content = global::Cloudflare.OpenApi.Serialization.JsonWrite.ToUtf8Bytes<{writeType}>({value}, {write});"
                : $"var content = body is null ? null : global::Cloudflare.OpenApi.Serialization.JsonWrite.ToUtf8Bytes<{writeType}>({value}, {write});");
            content = "content";
        }

        var operationName = SourceWriter.Literal(op.OperationId);
        var method = HttpMethod(op.HttpMethod);
        switch (op.Response.Shape)
        {
            case ResponseShape.EnvelopeResult:
                w.WriteLine($"return _pipeline.SendForResultAsync<{names.Of(op.Response.Type!)}>({operationName}, {method}, uri, {content}, {names.ReadFunc(op.Response.Type!)}, cancellationToken);");
                break;
            case ResponseShape.EnvelopePage:
                w.WriteLine($"return _pipeline.SendForPageAsync<{names.Of(op.Response.Type!)}>({operationName}, {method}, uri, {content}, {names.ReadFunc(op.Response.Type!)}, cancellationToken);");
                break;
            case ResponseShape.Plain:
                w.WriteLine($"return _pipeline.SendForBodyAsync<{names.Of(op.Response.Type!)}>({operationName}, {method}, uri, {content}, {names.ReadFunc(op.Response.Type!)}, cancellationToken);");
                break;
            case ResponseShape.EnvelopeNone:
                w.WriteLine($"return _pipeline.SendAsync({operationName}, {method}, uri, {content}, cancellationToken);");
                break;
            default:
                w.WriteLine($"return _pipeline.SendWithoutContentAsync({operationName}, {method}, uri, {content}, cancellationToken);");
                break;
        }

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

    /// <summary>For list operations that page by <c>page</c> or <c>cursor</c>: an <c>IAsyncEnumerable</c> over every item.</summary>
    private static void EmitAutoPaging(SourceWriter w, TypeNames names, OperationSpec op, List<string> signature, List<(string Name, string? Text)> docs)
    {
        var page = op.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && p.JsonName == "page" && p.Type.Kind == TypeKind.Integer);
        var cursor = op.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && p.JsonName == "cursor" && p.Type.Kind == TypeKind.String);
        if (page is null && cursor is null)
        {
            return;
        }

        var perPage = op.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && p.JsonName == "per_page" && p.Type.Kind == TypeKind.Integer);
        var baseName = op.MethodName.Substring(0, op.MethodName.Length - "Async".Length);
        var itemType = names.Of(op.Response.Type!);
        var excluded = new HashSet<string> { page?.Name ?? string.Empty, cursor?.Name ?? string.Empty };
        var allSignature = signature.Where(s => !excluded.Contains(s.Split(' ').ElementAtOrDefault(1) ?? string.Empty)).ToList();
        var allDocs = docs.Where(d => !excluded.Contains(d.Name)).ToList();

        w.WriteLine();
        w.WriteLine($"/// <summary>Every item of <see cref=\"{op.MethodName}\"/>, fetching pages as the enumeration goes.</summary>");
        foreach (var (name, text) in allDocs)
        {
            w.WriteDocTag("param", $" name=\"{name.TrimStart('@')}\"", text);
        }

        w.WriteLine("/// <returns>The items of all pages, in order.</returns>");
        var pagedSignature = string.Join(", ", allSignature);
        w.OpenBlock($"public virtual global::System.Collections.Generic.IAsyncEnumerable<{itemType}> {baseName}AllAsync({pagedSignature})");
        var callArgs = new List<string>();
        foreach (var s in signature)
        {
            var name = s.Split(' ')[1];
            if (name == "cancellationToken")
            {
                continue;
            }

            if (page is not null && name == page.Name)
            {
                callArgs.Add($"{name}: pageNumber");
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
        w.WriteLine($"    {(page is null ? "null" : "1")}, null, {(perPage is null ? "null" : perPage.Name)}, cancellationToken);");
        w.CloseBlock();
    }

    private static void WriteDocs(SourceWriter w, OperationSpec op, List<(string Name, string? Text)> docs, string returnDoc)
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
        w.WriteLine("/// <exception cref=\"global::Cloudflare.OpenApi.CloudflareApiException\">The API answered with an error (a subclass tells which: not found, conflict, …).</exception>");
    }

    private static string? Xml(string? specText) => specText is null ? null : SourceWriter.EscapeXml(specText);

    private static string ToText(TypeRef type, string name, bool required, bool header = false) => header ? HeaderText(type, name, required) : type.Kind switch
    {
        TypeKind.String => name,
        TypeKind.Enum => required ? $"{name}.Value" : $"{name}?.Value",
        TypeKind.PrimitiveUnion => required ? $"{name}.ToString()" : $"{name}?.ToString()",
        TypeKind.Integer or TypeKind.Number or TypeKind.Boolean or TypeKind.DateTime when required =>
            $"({type.Kind switch { TypeKind.Integer => "long?", TypeKind.Number => "double?", TypeKind.Boolean => "bool?", _ => "global::System.DateTimeOffset?" }}){name}",
        _ => name,
    };

    // Headers carry text: numbers in invariant culture, booleans as "true"/"false", timestamps in ISO 8601.
    private static string HeaderText(TypeRef type, string name, bool required)
    {
        var q = required ? string.Empty : "?";
        return type.Kind switch
        {
            TypeKind.String => name,
            TypeKind.Enum => $"{name}{q}.Value",
            TypeKind.PrimitiveUnion => $"{name}{q}.ToString()",
            TypeKind.Boolean => required ? $"({name} ? \"true\" : \"false\")" : $"({name} is null ? null : {name}.Value ? \"true\" : \"false\")",
            TypeKind.DateTime => $"{name}{q}.ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)",
            _ => $"{name}{q}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        };
    }

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

    private static IEnumerable<(bool IsParameter, string Text)> PathParts(string path)
    {
        var position = 0;
        while (position < path.Length)
        {
            var open = path.IndexOf('{', position);
            if (open < 0)
            {
                yield return (false, path.Substring(position));
                yield break;
            }

            if (open > position)
            {
                yield return (false, path.Substring(position, open - position));
            }

            var close = path.IndexOf('}', open);
            yield return (true, path.Substring(open + 1, close - open - 1));
            position = close + 1;
        }
    }
}
