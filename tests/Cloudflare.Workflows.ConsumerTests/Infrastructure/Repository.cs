using System.Reflection;
using System.Text.RegularExpressions;

namespace Cloudflare.Workflows.ConsumerTests.Infrastructure;

/// <summary>Paths and facts of the repository under test.</summary>
public static partial class Repository
{
    /// <summary>The repository root (from the build that compiled these tests).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The single version source: <c>VersionPrefix</c> in Directory.Build.props.</summary>
    public static string Version { get; } = ReadVersionPrefix();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A consumer project's source folder under <c>Consumers/</c>.</summary>
    public static string ConsumerTemplate(string name) => PathOf("tests", "Cloudflare.Workflows.ConsumerTests", "Consumers", name);

    private static string FindRoot()
    {
        var root = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value;
        if (root is null || !File.Exists(Path.Combine(root, "build", "pack.sh")))
        {
            throw new InvalidOperationException($"The repository root '{root}' recorded at build time has no build/pack.sh.");
        }

        return Path.GetFullPath(root);
    }

    private static string ReadVersionPrefix()
    {
        var props = File.ReadAllText(Path.Combine(Root, "Directory.Build.props"));
        var match = VersionPrefixPattern().Match(props);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("Directory.Build.props has no <VersionPrefix>.");
    }

    [GeneratedRegex(@"<VersionPrefix>\s*([^<\s]+)\s*</VersionPrefix>")]
    private static partial Regex VersionPrefixPattern();
}
