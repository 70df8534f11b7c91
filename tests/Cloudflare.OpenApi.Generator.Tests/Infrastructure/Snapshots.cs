using System.Text;

namespace Cloudflare.OpenApi.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated files with the committed snapshots under <c>Snapshots/&lt;case&gt;/</c>. Set
/// <c>UPDATE_SNAPSHOTS=1</c> to rewrite them (then review the diff before committing).
/// </summary>
internal static class Snapshots
{
    public static void Verify(string caseName, GeneratorRun run)
    {
        var directory = Path.Combine(ProjectDirectory(), "Snapshots", caseName);
        var update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
        var actual = run.Sources.ToDictionary(s => s.HintName + ".txt", s => Normalize(s.SourceText.ToString()), StringComparer.Ordinal);
        if (update)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            foreach (var (name, text) in actual)
            {
                File.WriteAllText(Path.Combine(directory, name), text, new UTF8Encoding(false));
            }

            return;
        }

        Assert.True(Directory.Exists(directory), $"No snapshots for '{caseName}' at {directory}; run the tests with UPDATE_SNAPSHOTS=1 and review them.");
        var expected = Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f)!, f => Normalize(File.ReadAllText(f)), StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in expected)
        {
            Assert.True(text == actual[name], $"Generated {name} differs from its snapshot:\n{FirstDifference(text, actual[name])}\n(run with UPDATE_SNAPSHOTS=1 to accept)");
        }
    }

    // The test project's source folder (snapshots are read from, and written to, the source tree, not bin/). It comes
    // from an assembly attribute the project file writes: CallerFilePath is mapped to "/_/" in CI (deterministic) builds.
    private static string ProjectDirectory() =>
        typeof(Snapshots).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ProjectDirectory").Value!;

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimStart('\uFEFF');

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}:\n  expected: {left}\n  actual:   {right}";
            }
        }

        return "(no line differs)";
    }
}
