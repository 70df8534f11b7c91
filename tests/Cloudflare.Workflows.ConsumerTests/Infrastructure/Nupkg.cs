using System.IO.Compression;
using System.Xml.Linq;

namespace Cloudflare.Workflows.ConsumerTests.Infrastructure;

/// <summary>A .nupkg/.snupkg opened for inspection: its entries and its nuspec.</summary>
public sealed class Nupkg
{
    private Nupkg(string path, IReadOnlyList<string> entries, XDocument nuspec, IReadOnlyDictionary<string, byte[]> dlls)
    {
        Path = path;
        Entries = entries;
        Nuspec = nuspec;
        Dlls = dlls;
    }

    public string Path { get; }

    /// <summary>Entry names without the OPC plumbing (_rels/, [Content_Types].xml, package/).</summary>
    public IReadOnlyList<string> Entries { get; }

    public XDocument Nuspec { get; }

    /// <summary>The bytes of every .dll entry, by entry name.</summary>
    public IReadOnlyDictionary<string, byte[]> Dlls { get; }

    /// <summary>The text of one entry (a README, an XML doc file, a props file).</summary>
    public string ReadText(string entryName)
    {
        using var zip = ZipFile.OpenRead(Path);
        var entry = zip.GetEntry(entryName) ?? throw new InvalidOperationException($"{Path} has no entry {entryName}.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    public string Metadata(string name) =>
        Nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata").Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;

    /// <summary>(target framework or "", dependency id, version range) for every dependency in the nuspec.</summary>
    public IReadOnlyList<(string Framework, string Id, string Version)> Dependencies =>
        Nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(d => (
                d.Parent?.Name.LocalName == "group" ? (string?)d.Parent.Attribute("targetFramework") ?? string.Empty : string.Empty,
                (string)d.Attribute("id")!,
                (string)d.Attribute("version")!))
            .ToList();

    public static Nupkg Open(string path)
    {
        Assert.True(File.Exists(path), $"No package at {path}");
        using var zip = ZipFile.OpenRead(path);
        var entries = zip.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        XDocument nuspec;
        using (var stream = nuspecEntry.Open())
        {
            nuspec = XDocument.Load(stream);
        }

        var dlls = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            dlls[entry.FullName] = buffer.ToArray();
        }

        return new Nupkg(path, entries, nuspec, dlls);
    }
}
