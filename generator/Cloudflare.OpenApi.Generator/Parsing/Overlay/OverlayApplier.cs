using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Cloudflare.OpenApi.Generator.Configuration;
using Cloudflare.OpenApi.Generator.Diagnostics;
using Cloudflare.OpenApi.Generator.Helpers;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cloudflare.OpenApi.Generator.Parsing.Overlay;

/// <summary>
/// Applies OpenAPI Overlay 1.0 documents to a spec's YAML node tree, before the tree becomes JSON for NSwag.
/// Each action selects nodes with a JSONPath <c>target</c>, then either deep-merges <c>update</c> into them (objects
/// merge key by key, recursively; any other value replaces; an array target gets the update appended as one entry)
/// or removes them (<c>remove: true</c>). Actions apply in order, each on the result of the previous one.
/// An action that selects nothing is a warning (OAG009) at its target: the upstream spec moved on and the overlay
/// needs a look. A malformed overlay is an error (OAG008) at the offending node.
/// Nodes copied in from an overlay remember their overlay location, so later diagnostics on them point there.
/// </summary>
internal static class OverlayApplier
{
    /// <summary>
    /// Applies every overlay in order. Returns the overlay location of every node it inserted (by identity), or null
    /// when an overlay was invalid (the diagnostics say why and where).
    /// </summary>
    public static Dictionary<YamlNode, SpecLocation>? Apply(YamlMappingNode root, IReadOnlyList<OverlayInput> overlays, List<DiagnosticInfo> diagnostics)
    {
        var origins = new Dictionary<YamlNode, SpecLocation>(ReferenceComparer<YamlNode>.Instance);
        var ok = true;
        foreach (var overlay in overlays)
        {
            ok &= ApplyOne(root, overlay, origins, diagnostics);
        }

        return ok ? origins : null;
    }

    private static bool ApplyOne(YamlMappingNode root, OverlayInput overlay, Dictionary<YamlNode, SpecLocation> origins, List<DiagnosticInfo> diagnostics)
    {
        var document = Load(overlay, diagnostics);
        if (document is null)
        {
            return false;
        }

        var path = overlay.Path;
        if (JsonPathQuery.Child(document, "overlay", out var versionKey) is not YamlScalarNode version)
        {
            return Invalid(diagnostics, path, document, "it has no 'overlay' version field (an OpenAPI Overlay starts with 'overlay: 1.0.0')");
        }

        if (version.Value is not { } v || !v.StartsWith("1.", StringComparison.Ordinal))
        {
            return Invalid(diagnostics, path, version, $"overlay version '{version.Value}' is not supported (only 1.x)");
        }

        if (JsonPathQuery.Child(document, "actions", out var actionsKey) is not YamlSequenceNode actions)
        {
            return Invalid(diagnostics, path, actionsKey ?? versionKey ?? document, "'actions' must be a list of actions");
        }

        // Validate every action before applying any, so a typo never leaves a half-applied overlay behind.
        var parsed = new List<(YamlMappingNode Action, YamlScalarNode Target, JsonPathQuery Query, YamlNode? Update, bool Remove)>();
        var ok = true;
        foreach (var item in actions.Children)
        {
            if (item is not YamlMappingNode action)
            {
                ok = Invalid(diagnostics, path, item, "an action must be a mapping with 'target' and 'update' or 'remove'");
                continue;
            }

            if (JsonPathQuery.Child(action, "target", out _) is not YamlScalarNode target || string.IsNullOrWhiteSpace(target.Value))
            {
                ok = Invalid(diagnostics, path, action, "the action has no 'target' (a JSONPath such as $.paths['/pets'].get)");
                continue;
            }

            var query = JsonPathQuery.Parse(target.Value!, out var error);
            if (query is null)
            {
                ok = Invalid(diagnostics, path, target, $"the target '{target.Value}' is not a supported JSONPath: {error}");
                continue;
            }

            var update = JsonPathQuery.Child(action, "update", out _);
            var removeNode = JsonPathQuery.Child(action, "remove", out _);
            var remove = false;
            if (removeNode is not null)
            {
                if (removeNode is not YamlScalarNode { Value: "true" or "false" } flag || flag.Style != ScalarStyle.Plain)
                {
                    ok = Invalid(diagnostics, path, removeNode, "'remove' must be true or false");
                    continue;
                }

                remove = flag.Value == "true";
            }

            if (!remove && update is null)
            {
                ok = Invalid(diagnostics, path, action, "the action has neither 'update' nor 'remove: true'");
                continue;
            }

            if (remove && update is not null)
            {
                ok = Invalid(diagnostics, path, action, "the action has both 'update' and 'remove: true'; split it into two actions");
                continue;
            }

            parsed.Add((action, target, query, update, remove));
        }

        if (!ok)
        {
            return false;
        }

        foreach (var (_, target, query, update, remove) in parsed)
        {
            var matches = query.Select(root);
            if (matches.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OverlayTargetNotFound, Where(path, target), target.Value ?? string.Empty));
                continue;
            }

            if (remove)
            {
                foreach (var match in matches)
                {
                    if (!Remove(match))
                    {
                        ok = Invalid(diagnostics, path, target, $"the target '{target.Value}' selects the document root, which cannot be removed");
                    }
                }

                continue;
            }

            foreach (var match in matches)
            {
                switch (match.Node)
                {
                    case YamlMappingNode mapping when update is YamlMappingNode changes:
                        Merge(mapping, changes, path, origins);
                        break;
                    case YamlSequenceNode sequence:
                        sequence.Children.Add(Import(update!, path, origins));
                        break;
                    case YamlMappingNode:
                        ok = Invalid(diagnostics, path, update!, $"the target '{target.Value}' selects an object, so 'update' must be an object of the properties to merge");
                        break;
                    default:
                        // A scalar: replace it in its parent (Overlay 1.1 allows this; 1.0 leaves it open).
                        Replace(match, Import(update!, path, origins));
                        break;
                }
            }
        }

        return ok;
    }

    private static YamlMappingNode? Load(OverlayInput overlay, List<DiagnosticInfo> diagnostics)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(overlay.Text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode document)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOverlay, YamlSpecReader.At(overlay.Path, Mark.Empty, Mark.Empty), "the file is empty or its top level is not a mapping"));
                return null;
            }

            return document;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && inner.Message.Length > 0 ? $"{ex.Message} {inner.Message}" : ex.Message;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOverlay, YamlSpecReader.At(overlay.Path, ex.Start, ex.End), message.Replace("\r", " ").Replace("\n", " ").Trim()));
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet reports duplicate keys this way.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOverlay, YamlSpecReader.At(overlay.Path, Mark.Empty, Mark.Empty), ex.Message.Replace("\r", " ").Replace("\n", " ").Trim()));
            return null;
        }
    }

    /// <summary>Deep merge: objects merge key by key; anything else in the update replaces the target's value.</summary>
    private static void Merge(YamlMappingNode target, YamlMappingNode changes, string path, Dictionary<YamlNode, SpecLocation> origins)
    {
        foreach (var change in changes.Children)
        {
            var name = (change.Key as YamlScalarNode)?.Value ?? string.Empty;
            var existing = JsonPathQuery.Child(target, name, out var existingKey);
            if (existing is YamlMappingNode existingMapping && change.Value is YamlMappingNode changeMapping)
            {
                Merge(existingMapping, changeMapping, path, origins);
            }
            else if (existingKey is not null)
            {
                target.Children[existingKey] = Import(change.Value, path, origins);
            }
            else
            {
                target.Children.Add(Import(change.Key, path, origins), Import(change.Value, path, origins));
            }
        }
    }

    /// <summary>
    /// Copies an overlay node into the spec: containers are new (so a later merge into one target never changes
    /// another), scalars are shared (nothing mutates them); every copied node records its overlay location.
    /// </summary>
    private static YamlNode Import(YamlNode node, string path, Dictionary<YamlNode, SpecLocation> origins)
    {
        YamlNode copy;
        switch (node)
        {
            case YamlMappingNode mapping:
                var newMapping = new YamlMappingNode();
                foreach (var entry in mapping.Children)
                {
                    newMapping.Children.Add(Import(entry.Key, path, origins), Import(entry.Value, path, origins));
                }

                copy = newMapping;
                break;
            case YamlSequenceNode sequence:
                copy = new YamlSequenceNode(sequence.Children.Select(c => Import(c, path, origins)));
                break;
            default:
                copy = node;
                break;
        }

        origins[copy] = Where(path, node);
        return copy;
    }

    private static bool Remove(JsonPathMatch match)
    {
        switch (match.Parent)
        {
            case YamlMappingNode mapping when match.Key is not null:
                mapping.Children.Remove(match.Key);
                return true;
            case YamlSequenceNode sequence:
                var index = sequence.Children.ToList().FindIndex(c => ReferenceEquals(c, match.Node));
                if (index >= 0)
                {
                    sequence.Children.RemoveAt(index);
                }

                return true;
            default:
                return false;
        }
    }

    private static void Replace(JsonPathMatch match, YamlNode value)
    {
        switch (match.Parent)
        {
            case YamlMappingNode mapping when match.Key is not null:
                mapping.Children[match.Key] = value;
                break;
            case YamlSequenceNode sequence:
                var index = sequence.Children.ToList().FindIndex(c => ReferenceEquals(c, match.Node));
                if (index >= 0)
                {
                    sequence.Children[index] = value;
                }

                break;
        }
    }

    private static SpecLocation Where(string path, YamlNode node) => YamlSpecReader.At(path, node.Start, node.End);

    private static bool Invalid(List<DiagnosticInfo> diagnostics, string path, YamlNode node, string message)
    {
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOverlay, Where(path, node), message));
        return false;
    }
}
