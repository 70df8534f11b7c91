using System;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>
/// Which kind of component (<c>responses</c>, <c>requestBodies</c>, <c>parameters</c>, <c>headers</c>) the OpenAPI
/// document structure expects at a JSON pointer, so that a <c>$ref</c> there can be compared with where it points.
/// </summary>
/// <remarks>
/// A <c>$ref</c> is resolved by location: <c>responses: {'200': {$ref: '#/components/requestBodies/Pet'}}</c> is a
/// response whose object happens to live under <c>requestBodies</c> (both have <c>description</c> and <c>content</c>).
/// NSwag.Core 14 instead casts the referenced object to the kind it found it under and throws
/// <c>InvalidCastException: Unable to cast object of type 'NSwag.OpenApiRequestBody' to type 'NSwag.OpenApiResponse'</c>
/// (also response → parameter or schema, request body → response). <see cref="YamlSpecReader"/> therefore writes a
/// copy of the referenced object in place of such a <c>$ref</c>, so NSwag reads it as the kind its place requires.
/// </remarks>
internal static class ReferenceKinds
{
    private enum Place
    {
        Root,
        PathItems,
        PathItem,
        Operation,
        Parameters,
        Responses,
        Callbacks,
        Callback,
        Components,
        ComponentKind,
        Response,
        Headers,
        Leaf,
        Other,
    }

    /// <summary>The component kind a <c>$ref</c> object at <paramref name="pointer"/> must be, or null when it is none of the four.</summary>
    public static string? ExpectedAt(string pointer)
    {
        var place = Place.Root;
        string? kind = null;
        var segments = pointer.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            switch (place)
            {
                case Place.Root:
                    place = segment is "paths" or "webhooks" ? Place.PathItems : segment == "components" ? Place.Components : Place.Other;
                    break;
                case Place.PathItems:
                case Place.Callback:
                    place = Place.PathItem;
                    break;
                case Place.Callbacks:
                    place = Place.Callback;
                    break;
                case Place.PathItem:
                    if (segment == "parameters")
                    {
                        place = Place.Parameters;
                    }
                    else
                    {
                        place = IsMethod(segment) ? Place.Operation : Place.Other;
                    }

                    break;
                case Place.Operation:
                    (place, kind) = segment switch
                    {
                        "parameters" => (Place.Parameters, (string?)null),
                        "requestBody" => (Place.Leaf, "requestBodies"),
                        "responses" => (Place.Responses, null),
                        "callbacks" => (Place.Callbacks, null),
                        _ => (Place.Other, null),
                    };
                    break;
                case Place.Parameters:
                    (place, kind) = (Place.Leaf, "parameters");
                    break;
                case Place.Responses:
                    (place, kind) = (Place.Response, "responses");
                    break;
                case Place.Response:
                    (place, kind) = segment == "headers" ? (Place.Headers, (string?)null) : (Place.Other, null);
                    break;
                case Place.Headers:
                    (place, kind) = (Place.Leaf, "headers");
                    break;
                case Place.Components:
                    place = Place.ComponentKind;
                    kind = segment;
                    break;
                case Place.ComponentKind:
                    (place, kind) = kind switch
                    {
                        "responses" => (Place.Response, kind),
                        "requestBodies" or "parameters" or "headers" => (Place.Leaf, kind),
                        "pathItems" => (Place.PathItem, null),
                        "callbacks" => (Place.Callback, null),
                        _ => (Place.Other, null),
                    };
                    break;
                case Place.Leaf:
                case Place.Other:
                    return null;
            }
        }

        return place is Place.Leaf or Place.Response ? kind : null;
    }

    /// <summary>Whether an object of kind <paramref name="target"/> reads correctly as a <paramref name="expected"/> one.</summary>
    public static bool AreCompatible(string expected, string target) =>
        expected == target
        || (expected is "responses" or "requestBodies" && target is "responses" or "requestBodies")
        || (expected is "parameters" or "headers" && target is "parameters" or "headers");

    /// <summary>The singular noun for messages.</summary>
    public static string Noun(string kind) => kind switch
    {
        "responses" => "response",
        "requestBodies" => "request body",
        "parameters" => "parameter",
        "headers" => "header",
        "schemas" => "schema",
        _ => kind,
    };

    private static bool IsMethod(string segment) =>
        segment is "get" or "put" or "post" or "delete" or "options" or "head" or "patch" or "trace";
}
