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

/// <summary>
/// A diagnostic as data that crosses pipeline steps and compares by value (as dotnet/runtime's generators keep theirs):
/// the descriptor itself (equatable), the place in the spec and the message arguments; never a Roslyn
/// <see cref="Microsoft.CodeAnalysis.Location"/>, which would hold a syntax tree alive and never compare equal.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, SpecLocation? Location, EquatableArray<string> Arguments)
{
    public string Id => Descriptor.Id;

    /// <summary>Whether the spec cannot be generated (an error: no model, so nothing half-made is emitted).</summary>
    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    public Diagnostic ToDiagnostic()
    {
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, args);
    }

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SpecLocation? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());
}
