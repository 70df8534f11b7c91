using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Cloudflare.OpenApi.Generator.Configuration;
using Cloudflare.OpenApi.Generator.Diagnostics;
using Cloudflare.OpenApi.Generator.Emit;
using Cloudflare.OpenApi.Generator.Helpers;
using Cloudflare.OpenApi.Generator.Model;
using Cloudflare.OpenApi.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cloudflare.OpenApi.Generator;

/// <summary>
/// Reads every <c>OpenApiSpec</c> item (an AdditionalFiles entry with <c>OpenApiSpec=true</c> metadata) and emits a
/// typed client: records, open enums, unions with their JSON converters, and one method per operation.
/// This class only wires the pipeline; <see cref="SpecParser"/> builds the model and the emitters write the code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    private static readonly string s_version = ReadVersion();

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Overlays (OpenApiOverlay items) are collected once and handed to the specs they name; both are plain strings,
        // so an unrelated C# edit leaves every step below cached.
        var overlays = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadOverlay(pair.Left, pair.Right, cancellationToken))
            .Where(static overlay => overlay is not null)
            .Collect()
            .Select(static (all, _) => all.Select(o => o!).ToEquatableArray())
            .WithTrackingName(TrackingNames.Overlays);

        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Combine(overlays)
            .Select(static (pair, _) => WithOverlays(pair.Left!, pair.Right))
            .WithTrackingName(TrackingNames.SpecInput);

        var parsed = inputs
            .Select(static (input, _) => ParseResult.From(input.Path, SpecParser.Parse(input, s_version)))
            .WithTrackingName(TrackingNames.Model);

        context.RegisterSourceOutput(parsed.Select(static (result, _) => result.Diagnostics), static (spc, diagnostics) =>
        {
            foreach (var diagnostic in diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var types = parsed
            .SelectMany(static (result, _) => result.Model is { } model
                ? model.Types.Select(t => new TypeOutput(result.SpecPath, model.Context, t)).ToImmutableArray()
                : ImmutableArray<TypeOutput>.Empty)
            .WithTrackingName(TrackingNames.Types);
        context.RegisterSourceOutput(types, static (spc, output) =>
            AddSource(spc, output.SpecPath, $"{output.Context.HintPrefix}.{output.Type.Name}.g.cs", $"generating the type {output.Type.Name}", output, static o => TypeEmitter.Emit(o.Context, o.Type)));

        var forms = parsed
            .SelectMany(static (result, _) => result.Model is { } model
                ? model.Forms.Select(f => new FormOutput(result.SpecPath, model.Context, f)).ToImmutableArray()
                : ImmutableArray<FormOutput>.Empty)
            .WithTrackingName(TrackingNames.Forms);
        context.RegisterSourceOutput(forms, static (spc, output) =>
            AddSource(spc, output.SpecPath, $"{output.Context.HintPrefix}.{output.Form.Name}.g.cs", $"generating the form {output.Form.Name}", output, static o => FormEmitter.Emit(o.Context, o.Form)));

        var clients = parsed
            .SelectMany(static (result, _) => result.Model is { } model ? ClientOutputs(result.SpecPath, model) : ImmutableArray<ClientOutput>.Empty)
            .WithTrackingName(TrackingNames.Clients);
        context.RegisterSourceOutput(clients, static (spc, output) =>
        {
            var name = output.Group is null || output.Group.Name.Length == 0 ? output.Client.Name : output.Group.ClassName;
            AddSource(spc, output.SpecPath, $"{output.Context.HintPrefix}.{name}.g.cs", $"generating the client {name}", output, static o =>
                o.Group is null || o.Group.Name.Length == 0
                    ? ClientEmitter.EmitRoot(o.Context, o.Client, o.Group, o.ValidatingTypes)
                    : ClientEmitter.EmitGroup(o.Context, o.Client, o.Group, o.ValidatingTypes));
        });
    }

    private static SpecInput? ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GetOptions(file);
        if (!options.TryGetValue(MetadataPrefix + "OpenApiSpec", out var flag) || !string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        return new SpecInput(
            file.Path,
            text,
            Value(options, "OpenApiNamespace"),
            Value(options, "OpenApiClientName"),
            (Value(options, "OpenApiClientParameters") ?? string.Empty)
                .Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.Trim())
                .ToEquatableArray(),
            string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace,
            Conventions: Value(options, "OpenApiConventions"));
    }

    private static OverlayInput? ReadOverlay(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GetOptions(file);
        if (!options.TryGetValue(MetadataPrefix + "OpenApiOverlay", out var flag) || !string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new OverlayInput(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty, Value(options, "OpenApiOverlaySpec"));
    }

    /// <summary>The overlays for one spec, in item order: those that name it, and those that name no spec.</summary>
    private static SpecInput WithOverlays(SpecInput input, EquatableArray<OverlayInput> overlays)
    {
        if (overlays.Count == 0)
        {
            return input;
        }

        var mine = overlays.Where(o => o.SpecPath is null || SamePath(o.SpecPath, input.Path)).ToEquatableArray();
        return mine.Count == 0 ? input : input with { Overlays = mine };
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(a.Replace('\\', '/'), b.Replace('\\', '/'), StringComparison.OrdinalIgnoreCase);

    private static string? Value(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue(MetadataPrefix + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>
    /// Emits one file. The generator never throws: an emitter bug (or a hint name added twice) becomes OAG010 on the
    /// spec instead of CS8785/AD0001, which would hide every other file of the spec behind a compiler crash report.
    /// </summary>
    private static void AddSource<T>(SourceProductionContext spc, string specPath, string hintName, string activity, T output, Func<T, string> emit)
    {
        try
        {
            spc.AddSource(hintName, SourceText.From(emit(output), Encoding.UTF8));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            spc.ReportDiagnostic(SpecParser.InternalError(specPath, activity, ex).ToDiagnostic());
        }
    }

    private static ImmutableArray<ClientOutput> ClientOutputs(string specPath, ApiModel model)
    {
        var validating = model.Types.OfType<ObjectSpec>().Where(o => o.HasValidate).Select(o => o.Name).ToEquatableArray();
        var root = model.Groups.FirstOrDefault(g => g.Name.Length == 0);
        var builder = ImmutableArray.CreateBuilder<ClientOutput>();
        builder.Add(new ClientOutput(specPath, model.Context, model.Client, root, validating));
        foreach (var group in model.Groups.Where(g => g.Name.Length > 0))
        {
            builder.Add(new ClientOutput(specPath, model.Context, model.Client, group, validating));
        }

        return builder.ToImmutable();
    }

    private static string ReadVersion()
    {
        var assembly = typeof(OpenApiClientGenerator).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }

    private sealed record ParseResult(string SpecPath, ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        public static ParseResult From(string specPath, (ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics) result) => new(specPath, result.Model, result.Diagnostics);
    }

    private sealed record TypeOutput(string SpecPath, GenerationContext Context, TypeSpec Type);

    private sealed record FormOutput(string SpecPath, GenerationContext Context, FormSpec Form);

    private sealed record ClientOutput(string SpecPath, GenerationContext Context, ClientSpec Client, GroupSpec? Group, EquatableArray<string> ValidatingTypes);
}
