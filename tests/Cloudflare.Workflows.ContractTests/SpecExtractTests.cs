using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cloudflare.Workflows.ContractTests.Mock;

namespace Cloudflare.Workflows.ContractTests;

/// <summary>
/// The spec bump is deterministic: build/update-spec.sh on the upstream file that spec/UPSTREAM.json records writes
/// spec/cloudflare-workflows.openapi.json and spec/UPSTREAM.json again byte for byte (re-running it leaves
/// <c>git diff</c> empty). The upstream file is the corpus copy of Cloudflare's full description, which is that file.
/// </summary>
public sealed class SpecExtractTests
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    private static string Corpus => Path.Combine(MockSpec.RepoRoot, "tests", "Cloudflare.OpenApi.Generator.Tests", "Corpus", "cloudflare-full.json.gz");

    [Fact]
    public async Task Re_extracting_the_recorded_upstream_file_reproduces_spec_byte_for_byte()
    {
        string specDirectory = Path.Combine(MockSpec.RepoRoot, "spec");
        using JsonDocument note = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(specDirectory, "UPSTREAM.json")));
        JsonElement recorded = note.RootElement;
        byte[] compressed = File.ReadAllBytes(Corpus);
        byte[] upstream = Gunzip(compressed);
        Assert.True(
            Convert.ToHexStringLower(SHA256.HashData(upstream)) == recorded.GetProperty("upstreamSha256").GetString(),
            $"spec/UPSTREAM.json records an upstream file other than {Corpus} (SOURCES.md): after a bump, put the new upstream file there too.");

        string work = Directory.CreateTempSubdirectory("workflows-extract-").FullName;
        try
        {
            // The upstream file in the form the bump read it (UPSTREAM.json "form"), so that the note comes out the same.
            string input = Path.Combine(work, "upstream");
            string form = recorded.GetProperty("form").GetString()!;
            File.WriteAllBytes(input, form switch
            {
                "scripts/mock EMBEDDED_SPEC (base64 of gzip)" => Encoding.ASCII.GetBytes("EMBEDDED_SPEC=\"" + Convert.ToBase64String(compressed) + "\"\n"),
                "openapi.json (gzip)" => compressed,
                "openapi.json" => upstream,
                _ => throw new InvalidOperationException($"UPSTREAM.json has a form this test does not know: '{form}'"),
            });
            string output = Path.Combine(work, "out");
            Directory.CreateDirectory(output);
            var arguments = new List<string> { Path.Combine(MockSpec.RepoRoot, "build", "update-spec.sh"), "--out", output, input };
            foreach (string option in new[] { "source", "commit", "date" })
            {
                if (recorded.GetProperty(option).GetString() is { } value)
                {
                    arguments.Add("--" + option);
                    arguments.Add(value);
                }
            }

            (int exitCode, string log) = await RunAsync("bash", arguments);
            Assert.True(exitCode == 0, $"update-spec.sh exited with {exitCode}:\n{log}");

            foreach (string file in new[] { "cloudflare-workflows.openapi.json", "UPSTREAM.json" })
            {
                byte[] expected = File.ReadAllBytes(Path.Combine(specDirectory, file));
                byte[] actual = File.ReadAllBytes(Path.Combine(output, file));
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"spec/{file} differs from a fresh extract ({expected.Length} vs {actual.Length} bytes, first difference at byte {expected.AsSpan().CommonPrefixLength(actual)}); run build/update-spec.sh, or fix the script.");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string fileName, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', startInfo.ArgumentList)} did not finish within {ScriptTimeout.TotalSeconds} s.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
