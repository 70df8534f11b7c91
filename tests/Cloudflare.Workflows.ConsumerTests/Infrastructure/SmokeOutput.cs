namespace Cloudflare.Workflows.ConsumerTests.Infrastructure;

/// <summary>
/// What tests/Cloudflare.Workflows.AotSmoke prints against its loopback API, whether it runs as a NativeAOT binary or
/// is compiled against the Cloudflare.Workflows package.
/// </summary>
public static class SmokeOutput
{
    public static void AssertComplete(string output, string version, string context)
    {
        string[] expected =
        [
            "create: order-42 queued",
            "get: running terminal=False trigger=api steps=step:charge card:attempts=1:output=ok,sleep:cool down:finished=False",
            "list: order-42(running) order-41(complete) next=page-2",
            "list-all: order-42,order-41,order-40",
            "status: paused at 2026-01-02T03:05:00.0000000+00:00",
            "not-found: 404 codes=1101",
            "authorization: Bearer smoke-token",
            $"generated-code: Cloudflare.OpenApi.Generator {version}",
            "requests: 7",
            "OK",
        ];
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        foreach (var line in expected)
        {
            Assert.True(lines.Contains(line), $"{context}: missing line '{line}' in:\n{output}");
        }

        // The runtime builds User-Agent from the SDK assembly's version and the generator version the code was made by.
        var userAgent = lines.SingleOrDefault(l => l.StartsWith("user-agent: ", StringComparison.Ordinal));
        Assert.True(userAgent is not null, $"{context}: no user-agent line in:\n{output}");
        Assert.StartsWith($"user-agent: Cloudflare.Workflows/{version} Cloudflare.OpenApi.Generator/{version} (.NET ", userAgent);
    }
}
