using System;
using System.Collections.Generic;
using Cloudflare.OpenApi.Generator.Model;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>What a media type of a request or response body is, as far as the generated code is concerned.</summary>
internal static class MediaTypes
{
    /// <summary>The kind of body a media type carries (parameters such as <c>charset</c> are ignored).</summary>
    public static BodyKind Classify(string mediaType)
    {
        var type = Essence(mediaType);
        if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type == "*/*" || type.Equals("application/*", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Json;
        }

        if (type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Form;
        }

        if (type.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) || type.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Multipart;
        }

        return type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) ? BodyKind.Text : BodyKind.Binary;
    }

    /// <summary>
    /// Whether a media type beside JSON is another way of writing the same answer (XML, YAML, text: Swagger's petstore
    /// offers <c>application/xml</c> beside JSON everywhere), not a different payload such as bytes.
    /// </summary>
    public static bool IsRepresentation(string mediaType)
    {
        var type = Essence(mediaType);
        return type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/xml", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/yaml", StringComparison.OrdinalIgnoreCase) || type.Equals("application/x-yaml", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+yaml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The media type without parameters: <c>text/plain;charset=UTF-8</c> → <c>text/plain</c>.</summary>
    public static string Essence(string mediaType)
    {
        var semicolon = mediaType.IndexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.Substring(0, semicolon)).Trim();
    }

    /// <summary>The first media type of <paramref name="kind"/> in document order, or null.</summary>
    public static string? First(IEnumerable<string> mediaTypes, BodyKind kind)
    {
        foreach (var mediaType in mediaTypes)
        {
            if (Classify(mediaType) == kind)
            {
                return mediaType;
            }
        }

        return null;
    }

    /// <summary>A media type the request can send as it is (wildcards such as <c>image/*</c> become <c>application/octet-stream</c>).</summary>
    public static string Sendable(string mediaType) => Essence(mediaType).IndexOf('*') >= 0 ? "application/octet-stream" : mediaType.Trim();
}
