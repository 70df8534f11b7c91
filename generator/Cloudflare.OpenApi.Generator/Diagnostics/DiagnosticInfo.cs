using Cloudflare.OpenApi.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cloudflare.OpenApi.Generator.Diagnostics;

/// <summary>A place in a spec file (0-based line and column, as Roslyn counts).</summary>
internal sealed record SpecLocation(string FilePath, int Line, int Column, int EndLine, int EndColumn, int Start, int Length)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(EndLine, EndColumn)));
}

/// <summary>A diagnostic as plain data, so it can cross pipeline steps and compare by value.</summary>
internal sealed record DiagnosticInfo(string Id, SpecLocation? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = Id switch
        {
            "OAG001" => DiagnosticDescriptors.MalformedSpec,
            "OAG002" => DiagnosticDescriptors.UnresolvedReference,
            "OAG003" => DiagnosticDescriptors.UnsupportedConstruct,
            "OAG004" => DiagnosticDescriptors.NameCollision,
            "OAG005" => DiagnosticDescriptors.InvalidOption,
            "OAG006" => DiagnosticDescriptors.UnsupportedFallback,
            "OAG008" => DiagnosticDescriptors.InvalidOverlay,
            "OAG009" => DiagnosticDescriptors.OverlayTargetNotFound,
            "OAG007" => DiagnosticDescriptors.NotOpenApi,
            _ => DiagnosticDescriptors.InternalError,
        };

        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SpecLocation? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());
}
