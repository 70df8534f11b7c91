using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Cloudflare.Workflows.ConsumerTests;

/// <summary>
/// A user's app that references only Cloudflare.OpenApi.Generator, adds <c>&lt;OpenApiSpec …/&gt;</c> for its own copy of
/// tests/specs/workflows-0.1.0.openapi.yaml (the hand-written spec of SDK 0.1.0) and extends the generated types with partial declarations.
/// </summary>
public sealed class GeneratorPackageTests(GeneratorPackageTests.FirstBuild first, ITestOutputHelper output) : IClassFixture<GeneratorPackageTests.FirstBuild>
{
    private const string App = "app";
    private const string Spec = "app/api/workflows.yaml";

    [Fact]
    public void Generated_record_and_clients_can_be_extended_with_partial_declarations()
    {
        first.AssertSucceeded();
        output.WriteLine($"[{first.Build!.Duration.TotalSeconds,5:F1} s] first build of the generator consumer (restore + generate + compile)");
        var lines = first.Run!.Output.Split('\n', StringSplitOptions.TrimEntries);

        Assert.Contains("created: order-7 workflow=6f1f9d2a-5c8e-4a57-8d2e-0e4c7d1b9a10", lines);
        // An extra stored property (set through `with`) and a computed one on the generated record.
        Assert.Contains("partial-record: label=order-7 [queued] note=vip same-api-values=True", lines);
        // A convenience method on the generated operations client, calling two generated operations.
        Assert.Contains(
            "partial-client: running after POST /client/v4/accounts/acc-1/workflows/orders/instances,GET /client/v4/accounts/acc-1/workflows/orders/instances/order-8",
            lines);
        Assert.Contains("partial-root: default base https://api.cloudflare.com/client/v4", lines);
    }

    [Fact]
    public void Generated_code_and_user_agent_carry_the_generator_package_version()
    {
        first.AssertSucceeded();
        var version = first.Feed!.Version;

        // EmitCompilerGeneratedFiles=true writes what the generator produced next to obj/.
        Assert.NotEmpty(first.GeneratedFiles);
        var attribute = $"[global::System.CodeDom.Compiler.GeneratedCode(\"Cloudflare.OpenApi.Generator\", \"{version}\")]";
        var withoutAttribute = first.GeneratedFiles.Where(f => !f.Value.Contains(attribute, StringComparison.Ordinal)).Select(f => f.Key).ToList();
        Assert.True(withoutAttribute.Count == 0, $"generated files without {attribute}: {string.Join(", ", withoutAttribute)}");
        Assert.Contains(first.GeneratedFiles, f => f.Value.Contains($"GeneratorVersion = \"{version}\";", StringComparison.Ordinal));

        // The runtime names the app (its own assembly version) and the generator version in User-Agent.
        Assert.Contains($"user-agent: GeneratorConsumer/2.3.4 Cloudflare.OpenApi.Generator/{version} (.NET ", first.Run!.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spec_bump_is_picked_up_by_a_plain_rebuild()
    {
        first.AssertSucceeded();
        var workspace = first.Workspace!;
        Assert.Equal("A newly created instance.", DocSummary(first.DocumentationXml!, "T:Acme.Flows.InstanceCreated"));

        // The API grows: a property, an operation and an enum value; a description changes; a property goes away.
        var bumped = new SpecEditor(workspace.ReadFile(Spec))
            .AddProperty("InstanceCreated", "priority", "type: integer", "description: Scheduling priority of the instance.")
            .RemoveProperty("InstanceCreated", "workflow_id")
            .SetDescription("InstanceCreated", "A newly created instance, as of spec v2.")
            .AddEnumValue("InstanceStatus", "suspended")
            .AddPath(
                "/accounts/{account_id}/workflows/{workflow_name}/instances/{instance_id}/retry",
                "parameters:",
                "  - $ref: '#/components/parameters/account_id'",
                "  - $ref: '#/components/parameters/workflow_name'",
                "  - $ref: '#/components/parameters/instance_id'",
                "post:",
                "  operationId: Instances_Retry",
                "  tags: [Instances]",
                "  summary: Retry an errored instance",
                "  description: Starts an errored instance again from its last failed step.",
                "  responses:",
                "    '200':",
                "      description: The retried instance.",
                "      content:",
                "        application/json:",
                "          schema:",
                "            allOf:",
                "              - $ref: '#/components/schemas/ApiResponseCommon'",
                "              - type: object",
                "                properties:",
                "                  result:",
                "                    $ref: '#/components/schemas/InstanceCreated'",
                "    '4XX':",
                "      $ref: '#/components/responses/Failure'");
        workspace.WriteFile(Spec, bumped.ToString());
        workspace.CopyFiles(Path.Combine(Repository.ConsumerTemplate("GeneratorConsumer"), "v2"), App, "Program.cs");

        // No clean, no restore flags, no generator step: the edited spec is a compiler input like any source file.
        var rebuild = await workspace.BuildAsync(App);
        Assert.True(rebuild.Succeeded, "rebuild after the spec bump failed:\n" + rebuild.Describe());
        var run = await workspace.RunAppAsync(App, "GeneratorConsumer");
        Assert.True(run.Succeeded, run.Describe());
        output.WriteLine(run.Output);
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("v2-created: order-9 priority=5 label=order-9 [queued]", lines);
        Assert.Contains("v2-retried: order-9 status=suspended is-suspended=True known=True", lines);

        // The changed and the new descriptions reach the XML documentation file.
        var documentation = XDocument.Load(workspace.PathOf(App, "bin", "Debug", "net10.0", "GeneratorConsumer.xml"));
        Assert.Equal("A newly created instance, as of spec v2.", DocSummary(documentation, "T:Acme.Flows.InstanceCreated"));
        Assert.Equal("Scheduling priority of the instance.", DocSummary(documentation, "P:Acme.Flows.InstanceCreated.Priority"));
        Assert.Contains("Retry an errored instance", DocSummary(documentation, "M:Acme.Flows.InstancesClient.RetryAsync(System.String,System.String,Cloudflare.OpenApi.CloudflareRequestOptions,System.Threading.CancellationToken)"), StringComparison.Ordinal);

        // Code that still uses the removed property now fails with the compiler's own error.
        workspace.CopyFiles(Path.Combine(Repository.ConsumerTemplate("GeneratorConsumer"), "v2"), App, "UsesRemovedMember.cs");
        var broken = await workspace.BuildAsync(App);
        Assert.False(broken.Succeeded, "code using the removed property still compiled:\n" + broken.Describe());
        Assert.Matches(@"UsesRemovedMember\.cs\(\d+,\d+\): error CS1061: 'InstanceCreated' does not contain a definition for 'WorkflowId'", broken.Output);
        var errors = Regex.Matches(broken.Output, @"error (\w+\d+)").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(errors.SequenceEqual(["CS1061"]), $"expected only CS1061, got {string.Join(", ", errors)}:\n{broken.Describe()}");
    }

    private static string DocSummary(XDocument documentation, string member)
    {
        var element = documentation.Descendants("member").SingleOrDefault(m => (string?)m.Attribute("name") == member)
            ?? throw new Xunit.Sdk.XunitException($"no <member name=\"{member}\"> in the XML documentation");
        return Regex.Replace(element.Element("summary")?.Value ?? string.Empty, @"\s+", " ").Trim();
    }

    /// <summary>The consumer app as first written: restored from the feed, built, run; kept for the tests to read.</summary>
    public sealed class FirstBuild(IMessageSink sink) : IAsyncLifetime
    {
        public PackedFeed? Feed { get; private set; }

        public ConsumerWorkspace? Workspace { get; private set; }

        public ProcessResult? Build { get; private set; }

        public ProcessResult? Run { get; private set; }

        /// <summary>Generated file name → text, as the first build emitted them.</summary>
        public IReadOnlyDictionary<string, string> GeneratedFiles { get; private set; } = new Dictionary<string, string>();

        public XDocument? DocumentationXml { get; private set; }

        public async Task InitializeAsync()
        {
            Feed = await PackedFeed.GetAsync();
            Workspace = ConsumerWorkspace.Create(Feed, "generator");
            var template = Repository.ConsumerTemplate("GeneratorConsumer");
            Workspace.CopyFiles(template, App);
            Workspace.WriteFile(Spec, File.ReadAllText(Repository.PathOf("tests", "specs", "workflows-0.1.0.openapi.yaml")));

            Build = await Workspace.BuildAsync(App);
            sink.OnMessage(new Xunit.Sdk.DiagnosticMessage($"generator consumer: first build {Build.Duration.TotalSeconds:F1} s"));
            if (!Build.Succeeded)
            {
                return;
            }

            Run = await Workspace.RunAppAsync(App, "GeneratorConsumer");
            var generated = Workspace.PathOf(App, "obj", "Debug", "net10.0", "generated");
            GeneratedFiles = Directory.Exists(generated)
                ? Directory.EnumerateFiles(generated, "*.g.cs", SearchOption.AllDirectories).ToDictionary(f => Path.GetFileName(f), File.ReadAllText)
                : new Dictionary<string, string>();
            DocumentationXml = XDocument.Load(Workspace.PathOf(App, "bin", "Debug", "net10.0", "GeneratorConsumer.xml"));
        }

        public void AssertSucceeded()
        {
            Assert.True(Build is not null && Build.Succeeded, "first build of the generator consumer failed:\n" + Build?.Describe());
            Assert.True(Run is not null && Run.Succeeded, "first run of the generator consumer failed:\n" + Run?.Describe());
        }

        public Task DisposeAsync()
        {
            Workspace?.Dispose();
            return Task.CompletedTask;
        }
    }
}
