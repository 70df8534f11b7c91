using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cloudflare.OpenApi.Generator.Configuration;
using Cloudflare.OpenApi.Generator.Conventions;
using Cloudflare.OpenApi.Generator.Diagnostics;
using Cloudflare.OpenApi.Generator.Helpers;
using Cloudflare.OpenApi.Generator.Model;
using NJsonSchema;
using NSwag;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>
/// Spec text → <see cref="ApiModel"/>: YamlDotNet reads the file (keeping positions), NSwag builds the OpenAPI document,
/// and this class maps that document to the generator's own equatable model. Nothing from NSwag leaves this class.
/// </summary>
internal sealed partial class SpecParser
{
    private static readonly string[] s_successCodes = { "200", "201", "202", "203", "204", "2XX", "2xx" };

    private readonly OpenApiDocument _document;
    private readonly YamlSpecReader _yaml;
    private readonly SpecInput _input;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<JsonSchema, string> _componentNames = new(ReferenceComparer<JsonSchema>.Instance);
    private readonly Dictionary<JsonSchema, string> _componentKeys = new(ReferenceComparer<JsonSchema>.Instance);
    private readonly Dictionary<JsonSchema, TypeRef> _built = new(ReferenceComparer<JsonSchema>.Instance);
    private readonly Dictionary<JsonSchema, UnionMembership> _variantOf = new(ReferenceComparer<JsonSchema>.Instance);
    private readonly HashSet<JsonSchema> _sharedVariants = new(ReferenceComparer<JsonSchema>.Instance);
    private readonly List<TypeSpec> _types = new();
    private readonly Naming.Scope _typeNames;
    private readonly HashSet<string> _referencedComponents = new(StringComparer.Ordinal);
    private readonly ApiConvention _convention;

    private SpecParser(OpenApiDocument document, YamlSpecReader yaml, SpecInput input, List<DiagnosticInfo> diagnostics, string clientName)
    {
        _document = document;
        _yaml = yaml;
        _input = input;
        _diagnostics = diagnostics;
        _typeNames = new Naming.Scope(clientName, clientName + "Options");
        _convention = ApiConventions.Choose(document, input.Conventions, out var problem);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, new SpecLocation(input.Path, 0, 0, 0, 0, 0, 0), "Conventions", problem));
        }
    }

    /// <summary>Parses one spec. Never throws: every problem becomes a diagnostic, and the model is null when there were errors.</summary>
    public static (ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics) Parse(SpecInput input, string generatorVersion)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var model = ParseCore(input, generatorVersion, diagnostics);
            var failed = diagnostics.Any(d => d.IsError);
            return (failed ? null : model, diagnostics.ToEquatableArray());
        }
        catch (Exception ex)
        {
            // Last line of defence: a bug here must still surface as a diagnostic on the spec, never as AD0001.
            diagnostics.Add(InternalError(input.Path, "reading the spec", ex));
            return (null, diagnostics.ToEquatableArray());
        }
    }

    private static ApiModel? ParseCore(SpecInput input, string generatorVersion, List<DiagnosticInfo> diagnostics)
    {
        var fileStem = System.IO.Path.GetFileNameWithoutExtension(input.Path);
        var ns = input.Namespace ?? input.RootNamespace ?? "OpenApiClient";
        if (!IsValidNamespace(ns))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, new SpecLocation(input.Path, 0, 0, 0, 0, 0, 0), "Namespace", $"'{ns}' is not a C# namespace"));
            return null;
        }

        var clientName = input.ClientName ?? Naming.Pascal(fileStem.Split('.')[0]) + "Client";
        if (!IsValidIdentifier(clientName))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, new SpecLocation(input.Path, 0, 0, 0, 0, 0, 0), "ClientName", $"'{clientName}' is not a C# identifier"));
            return null;
        }

        var yaml = YamlSpecReader.Read(input.Path, input.Text, input.Overlays, diagnostics);
        if (yaml is null)
        {
            return null;
        }

        if (!CheckVersion(yaml, input, diagnostics) || !DocumentShape.Check(yaml, yaml.Root, diagnostics) || !CheckReferences(yaml, diagnostics))
        {
            return null;
        }

        OpenApiDocument document;
        try
        {
            document = OpenApiDocument.FromJsonAsync(yaml.Json).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedSpec, yaml.LocationOf(string.Empty), $"NSwag could not load the document: {ex.Message}"));
            return null;
        }

        var context = new GenerationContext(ns, clientName, generatorVersion, Naming.Pascal(fileStem));
        return new SpecParser(document, yaml, input, diagnostics, clientName).Build(context);
    }

    /// <summary>OAG010 at the start of the spec: what the generator was doing, the exception and its first own frame.</summary>
    public static DiagnosticInfo InternalError(string path, string activity, Exception ex) => DiagnosticInfo.Create(
        DiagnosticDescriptors.InternalError,
        new SpecLocation(path, 0, 0, 0, 0, 0, 0),
        activity,
        $"{ex.GetType().Name}: {ex.Message} {FirstFrame(ex)}".Trim());

    private static string FirstFrame(Exception ex)
    {
        // The generator's own frames (the first three) say where to look; framework frames say little.
        var frames = (ex.StackTrace ?? string.Empty).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        var own = frames.Where(f => f.Contains("Cloudflare.OpenApi.Generator")).Take(3).ToList();
        if (own.Count == 0 && frames.Count > 0)
        {
            own.Add(frames[0]);
        }

        return own.Count == 0 ? string.Empty : "(" + string.Join("; ", own) + ")";
    }

    private static bool CheckVersion(YamlSpecReader yaml, SpecInput input, List<DiagnosticInfo> diagnostics)
    {
        if (yaml.Exists("/swagger"))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, yaml.LocationOf("/swagger"), "Swagger 2.0 documents are not supported; convert the document to OpenAPI 3"));
            return false;
        }

        if (!yaml.Exists("/openapi"))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, yaml.LocationOf(string.Empty), "it has no 'openapi' version field"));
            return false;
        }

        if (yaml.Exists("/paths"))
        {
            return true;
        }

        // OpenAPI 3.1 made 'paths' optional: a document may describe only webhooks or only reusable components.
        // Webhooks are calls the API makes to its users, so they add no client methods; their schemas are generated.
        if (yaml.IsVersion31OrLater && (yaml.Exists("/webhooks") || yaml.Exists("/components")))
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.NotOpenApi,
            yaml.LocationOf("/openapi"),
            yaml.IsVersion31OrLater ? "it has none of 'paths', 'webhooks' or 'components'" : "it has no 'paths'"));
        return false;
    }

    private static bool CheckReferences(YamlSpecReader yaml, List<DiagnosticInfo> diagnostics)
    {
        var ok = true;
        foreach (var (pointer, reference) in yaml.References)
        {
            if (!reference.StartsWith("#", StringComparison.Ordinal))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    yaml.LocationOf(pointer),
                    $"The external $ref '{reference}'",
                    "bundle the referenced documents into this file (the generator reads no other files)"));
                ok = false;
                continue;
            }

            var target = Uri.UnescapeDataString(reference.Substring(1));
            if (!yaml.Exists(target))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedReference, yaml.LocationOf(pointer), reference));
                ok = false;
            }
        }

        return ok;
    }

    private ApiModel Build(GenerationContext context)
    {
        // Which component schemas each component schema refers to, and which are referred to from outside them.
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var referencedOutside = new HashSet<string>(StringComparer.Ordinal);
        var errorResponses = ApiConventions.GeneratesErrorBodies(_convention) ? ErrorOnlyComponentResponses() : null;
        foreach (var (pointer, reference) in _yaml.References)
        {
            // Webhooks and callbacks are requests the API sends, not client methods: a schema only they use is
            // generated like an unreferenced one (below), else it would be generated by nothing.
            const string prefix = "#/components/schemas/";
            // So does a body of a media type the generated method does not read as its schema (OpenAI's
            // `text/event-stream: $ref ResponseStreamEvent` beside JSON): the events are part of the API's vocabulary.
            // And so does the body of an error response where the convention does not read errors itself (a plain API's
            // `default: Error`): no method returns it, the caller reads it from the exception (`Failure.ReadBody<Error>()`).
            var fromOutgoing = pointer.StartsWith("/webhooks/", StringComparison.Ordinal) || pointer.IndexOf("/callbacks/", StringComparison.Ordinal) >= 0
                || IsUnreadBody(pointer) || (errorResponses is not null && IsErrorResponseBody(pointer, errorResponses));
            if (!fromOutgoing && reference.StartsWith(prefix, StringComparison.Ordinal))
            {
                var key = YamlSpecReader.Unescape(Uri.UnescapeDataString(reference.Substring(prefix.Length)));
                _referencedComponents.Add(key);
                if (ComponentKeyOf(pointer) is { } referrer)
                {
                    (edges.TryGetValue(referrer, out var targets) ? targets : edges[referrer] = new List<string>()).Add(key);
                }
                else
                {
                    referencedOutside.Add(key);
                }
            }
        }

        NameComponents();
        ReserveExplicitNames();
        FindUnionVariants();
        var (groups, topLevel, clientParameters) = BuildOperations(context.ClientName);

        // Components nothing refers to are still part of the API's vocabulary: generate them too.
        foreach (var pair in _document.Components.Schemas)
        {
            if (!_referencedComponents.Contains(pair.Key))
            {
                MapComponent(pair.Value);
            }
        }

        // And the schemas no operation and no unreferenced schema leads to, only schemas like them: a tree node whose one
        // reference is its own (OpenAI's CompoundFilter), a cycle (Ping -> Pong -> Ping) and what only they refer to. Each
        // was left to a referrer, and the referrers to each other, so nothing generated them.
        var reached = new HashSet<string>(_document.Components.Schemas.Keys.Where(k => !_referencedComponents.Contains(k) || referencedOutside.Contains(k)), StringComparer.Ordinal);
        var pending = new Stack<string>(reached);
        while (pending.Count > 0)
        {
            if (edges.TryGetValue(pending.Pop(), out var targets))
            {
                foreach (var target in targets.Where(reached.Add))
                {
                    pending.Push(target);
                }
            }
        }

        foreach (var pair in _document.Components.Schemas.Where(p => !reached.Contains(p.Key)))
        {
            MapComponent(pair.Value);
        }

        var info = _document.Info;
        var server = _document.Servers?.FirstOrDefault()?.Url;
        var client = new ClientSpec(
            context.ClientName,
            info?.Title,
            info?.Description,
            string.IsNullOrEmpty(server) ? "http://localhost" : server!,
            clientParameters.ToEquatableArray(),
            topLevel.ToEquatableArray(),
            _convention,
            ApiConventions.Credentials(
                _document,
                _convention,
                clientParameters.Select(p => p.Name),
                _yaml.SkippedSecuritySchemes,
                (pointer, what, fallback) => Report(DiagnosticDescriptors.UnsupportedFallback, pointer, what, fallback, "the runtime sends API keys, bearer tokens and basic credentials"))
                .ToEquatableArray());

        return new ApiModel(context, client, WithNestedValidation(_types).ToEquatableArray(), groups.ToEquatableArray(), _forms.ToEquatableArray());
    }

    /// <summary>
    /// Marks, to a fixed point, which properties hold objects (or lists of objects) that validate, so that a request
    /// body's <c>Validate()</c> also checks what it contains (e.g. a restart's <c>from.name</c>).
    /// </summary>
    private static List<TypeSpec> WithNestedValidation(List<TypeSpec> types)
    {
        var objects = types.OfType<ObjectSpec>().ToList();
        var validating = new HashSet<string>(objects.Where(o => o.HasOwnConstraints).Select(o => o.Name), StringComparer.Ordinal);
        bool Validates(TypeRef type) =>
            (type.Kind == TypeKind.Object && validating.Contains(type.Name!))
            || (type.Kind == TypeKind.Array && type.Element!.Kind == TypeKind.Object && validating.Contains(type.Element.Name!));

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var o in objects)
            {
                if (!validating.Contains(o.Name) && o.Properties.Any(p => Validates(p.Type)))
                {
                    validating.Add(o.Name);
                    changed = true;
                }
            }
        }

        return types
            .Select(t => t is ObjectSpec o && o.Properties.Any(p => Validates(p.Type))
                ? o with { NestedValidation = o.Properties.Where(p => Validates(p.Type)).Select(p => p.Name).ToEquatableArray() }
                : t)
            .ToList();
    }

    private void NameComponents()
    {
        foreach (var pair in _document.Components.Schemas)
        {
            var pointer = ComponentPointer(pair.Key);
            var name = ClaimTypeName(ExplicitTypeName(pair.Value, pointer) ?? Naming.Pascal(pair.Key), pair.Key, pointer);
            _componentNames[pair.Value] = name;
            _componentKeys[pair.Value] = pair.Key;
        }
    }

    private string ClaimTypeName(string wanted, string owner, string pointer)
    {
        var name = _typeNames.Claim(wanted, owner, out var clash);
        if (clash is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, _yaml.LocationOf(pointer), "Schema", clash, owner, wanted, name));
        }

        return name;
    }

    /// <summary>
    /// Whether a pointer is inside the schema of a text or binary body of an operation or a component response or request
    /// body (<c>/paths/~1a/post/responses/200/content/text~1event-stream/schema/…</c>). The first <c>/content/</c> is the
    /// body's (a path is one escaped segment); a property named <c>content</c> comes after it.
    /// </summary>
    private static bool IsUnreadBody(string pointer)
    {
        const string content = "/content/";
        var at = pointer.IndexOf(content, StringComparison.Ordinal);
        if (at < 0 || !(pointer.StartsWith("/paths/", StringComparison.Ordinal) || pointer.StartsWith("/components/responses/", StringComparison.Ordinal)
            || pointer.StartsWith("/components/requestBodies/", StringComparison.Ordinal)))
        {
            return false;
        }

        var start = at + content.Length;
        var end = pointer.IndexOf('/', start);
        var mediaType = YamlSpecReader.Unescape(end < 0 ? pointer.Substring(start) : pointer.Substring(start, end - start));
        return MediaTypes.Classify(mediaType) is BodyKind.Text or BodyKind.Binary;
    }

    /// <summary>
    /// Whether a pointer is inside an operation's response of a status that is not 2xx
    /// (<c>/paths/~1pets/get/responses/default/…</c>), or inside a component response only such statuses use.
    /// </summary>
    private static bool IsErrorResponseBody(string pointer, HashSet<string> errorOnlyResponses)
    {
        var segments = pointer.Split('/');
        return (segments.Length > 5 && segments[1] == "paths" && segments[4] == "responses" && !IsSuccessStatus(segments[5]))
            || (segments.Length > 3 && segments[1] == "components" && segments[2] == "responses" && errorOnlyResponses.Contains(segments[3]));
    }

    private static bool IsSuccessStatus(string code) => code.StartsWith("2", StringComparison.Ordinal);

    /// <summary>The (escaped) names of the component responses that operations use for no 2xx status.</summary>
    private HashSet<string> ErrorOnlyComponentResponses()
    {
        const string prefix = "#/components/responses/";
        var all = new HashSet<string>(_document.Components.Responses.Keys.Select(YamlSpecReader.Escape), StringComparer.Ordinal);
        foreach (var (pointer, reference) in _yaml.References)
        {
            var segments = pointer.Split('/');
            if (reference.StartsWith(prefix, StringComparison.Ordinal) && segments.Length == 6 && segments[1] == "paths" && segments[4] == "responses" && IsSuccessStatus(segments[5]))
            {
                all.Remove(Uri.UnescapeDataString(reference.Substring(prefix.Length)));
            }
        }

        return all;
    }

    /// <summary>The key of the component schema a pointer is inside (<c>/components/schemas/A~1B/properties/x</c> → <c>A/B</c>), or null.</summary>
    private static string? ComponentKeyOf(string pointer) =>
        YamlSpecReader.EnclosingComponentSchema(pointer) is { } component
            ? YamlSpecReader.Unescape(component.Substring("/components/schemas/".Length))
            : null;

    private static string ComponentPointer(string name) => "/components/schemas/" + YamlSpecReader.Escape(name);

    private static bool IsValidNamespace(string ns) => ns.Split('.').All(IsValidIdentifier);

    private static bool IsValidIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_')
        && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None;

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _yaml.LocationOf(pointer), arguments));

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record UnionMembership(string UnionName, string DiscriminatorJsonName, string DiscriminatorName, EquatableArray<string> Values);
}
