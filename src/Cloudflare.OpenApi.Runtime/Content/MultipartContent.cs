using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>
/// A <c>multipart/form-data</c> body, filled by generated code part by part: text parts, JSON parts (objects),
/// and file parts (<see cref="BinaryContent"/> with its file name and media type). Null values are left out.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MultipartContent : RequestContent
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    private readonly List<Part> _parts = new();
    private readonly string? _boundary;

    /// <summary>A body with a random boundary.</summary>
    public MultipartContent()
    {
    }

    /// <summary>A body with a fixed boundary (tests).</summary>
    public MultipartContent(string boundary) => _boundary = boundary;

    /// <inheritdoc/>
    public override bool IsRepeatable
    {
        get
        {
            foreach (var part in _parts)
            {
                if (part.File is { IsRepeatable: false })
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Adds a text part when it has a value.</summary>
    public MultipartContent AddText(string name, string? value)
    {
        if (value is not null)
        {
            _parts.Add(new Part(name, value, null, null));
        }

        return this;
    }

    /// <summary>Adds one text part per value (arrays of primitives).</summary>
    public MultipartContent AddEachText(string name, IEnumerable<string>? values)
    {
        if (values is not null)
        {
            foreach (var value in values)
            {
                _parts.Add(new Part(name, value, null, null));
            }
        }

        return this;
    }

    /// <summary>Adds a JSON part (UTF-8 bytes of an object or array) when it has a value.</summary>
    public MultipartContent AddJson(string name, byte[]? json)
    {
        if (json is not null)
        {
            _parts.Add(new Part(name, null, json, null));
        }

        return this;
    }

    /// <summary>Adds a file part when it has a value; <paramref name="defaultMediaType"/> applies when the file names none.</summary>
    public MultipartContent AddFile(string name, BinaryContent? file, string defaultMediaType = "application/octet-stream")
    {
        if (file is not null)
        {
            _parts.Add(new Part(name, defaultMediaType, null, file));
        }

        return this;
    }

    /// <inheritdoc/>
    public override HttpContent CreateHttpContent()
    {
        var content = _boundary is null ? new MultipartFormDataContent() : new MultipartFormDataContent(_boundary);
        foreach (var part in _parts)
        {
            if (part.File is { } file)
            {
                var fileContent = BinaryRequestContent.Create(file, file.ContentType ?? part.Text!);

                // A part without a file name is still a file to most servers only when it has one: use the field name.
                content.Add(fileContent, part.Name, file.FileName ?? part.Name);
            }
            else if (part.Json is { } json)
            {
                var jsonContent = new ByteArrayContent(json);
                jsonContent.Headers.ContentType = s_json;
                content.Add(jsonContent, part.Name);
            }
            else
            {
                // Plain text parts carry no Content-Type, as browsers send them.
                var text = new ByteArrayContent(Encoding.UTF8.GetBytes(part.Text!));
                content.Add(text, part.Name);
            }
        }

        return content;
    }

    private sealed record Part(string Name, string? Text, byte[]? Json, BinaryContent? File);
}
