using System.Reflection;
using System.Text.Json;
using Cloudflare.OpenApi.Generator.Tests.Infrastructure;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>
/// Unions composed the way OpenAI's and Discord's published specs compose them (corpus: openai.yaml.gz, discord.json.gz):
/// a string beside several objects, unions as variants of unions, tag values shared by two variants.
/// </summary>
public sealed class UnionCompositionTests
{
    private static object? Read(Assembly assembly, string typeName, string json) =>
        JsonSerializer.Deserialize(json, assembly.GetType("Test.Api." + typeName, throwOnError: true)!);

    private static string Write(Assembly assembly, string typeName, object value) =>
        JsonSerializer.Serialize(value, assembly.GetType("Test.Api." + typeName, throwOnError: true)!);

    private static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);

    private static object? Call(object target, string method) => target.GetType().GetMethod(method, Type.EmptyTypes)!.Invoke(target, null);

    [Fact]
    public void String_beside_objects_that_cannot_be_told_apart_compiles_with_a_json_element_case()
    {
        // The object case is a JsonElement; the fallback for other kinds of JSON is one too. Their two constructors
        // used to have the same signature (CS0111, CS0121: OpenAI's AssistantsApiResponseFormatOption).
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Choice:
                  oneOf:
                    - { type: string }
                    - { type: object, additionalProperties: {} }
                    - { type: object, additionalProperties: { type: number } }
            """;
        var run = GeneratorHarness.Run(spec);

        // A map of any values beside a map of numbers: nothing types their values' union (two typed maps are one map of
        // their values' union: Only_maps_…), so the object case is a JsonElement.
        Assert.Equal(new[] { "OAG006" }, run.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var choice = Read(assembly, "Choice", """{"b":"x"}""")!;
        Assert.Equal(true, Get(choice, "IsObject"));
        Assert.Equal("""{"b":"x"}""", Write(assembly, "Choice", choice));
        var other = Read(assembly, "Choice", "12")!;
        Assert.Equal(true, Get(other, "IsOther"));
        Assert.Equal("12", Write(assembly, "Choice", other));
    }

    [Fact]
    public void An_OpenAPI_3_0_null_object_beside_a_union_makes_it_nullable_not_json()
    {
        // Box's signer inputs: `validation: anyOf: [$ref Validation, "OpenAPI 3.0 null schema type"]`, a nullable object
        // that allows no property. It was a second branch, so the property was a JsonElement (OAG006).
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Validation:
                  oneOf:
                    - { type: object, required: [validation_type], properties: { validation_type: { type: string, enum: [email] } } }
                    - { type: object, required: [validation_type, zip], properties: { validation_type: { type: string, enum: [zip] }, zip: { type: string } } }
                Input:
                  type: object
                  properties:
                    validation:
                      anyOf:
                        - { $ref: '#/components/schemas/Validation' }
                        - { title: OpenAPI 3.0 null schema type, type: object, nullable: true, additionalProperties: false }
                    extra:
                      anyOf:
                        - { type: string }
                        - { type: object, nullable: true, additionalProperties: false, properties: { a: { type: string } } }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var type = assembly.GetType("Test.Api.Input", throwOnError: true)!;
        Assert.Equal("Test.Api.Validation", type.GetProperty("Validation")!.PropertyType.FullName);
        // An object with a property of its own is a real branch, not null.
        Assert.NotEqual(typeof(string), type.GetProperty("Extra")!.PropertyType);
        var zip = Get(Read(assembly, "Input", """{"validation":{"validation_type":"zip","zip":"10115"}}""")!, "Validation")!;
        Assert.Equal("10115", Get(zip, "Zip"));
        Assert.Null(Get(Read(assembly, "Input", """{"validation":null}""")!, "Validation"));
    }

    [Fact]
    public void A_map_beside_objects_is_offered_as_a_map_of_the_choice()
    {
        // Discord's ErrorDetails (the 'errors' of every 4xx answer): `oneOf: [map of ErrorDetails, InnerErrors]`. It was a
        // JsonElement (OAG006): a map was not a branch an object choice could offer.
        const string spec = """
            openapi: 3.1.0
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Error:
                  type: object
                  required: [code, message]
                  properties: { code: { type: string }, message: { type: string } }
                InnerErrors:
                  type: object
                  additionalProperties: false
                  required: [_errors]
                  properties: { _errors: { type: array, items: { $ref: '#/components/schemas/Error' } } }
                ErrorDetails:
                  oneOf:
                    - { type: object, additionalProperties: { $ref: '#/components/schemas/ErrorDetails' } }
                    - { $ref: '#/components/schemas/InnerErrors' }
                ErrorResponse:
                  type: object
                  properties: { errors: { $ref: '#/components/schemas/ErrorDetails' } }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var response = Read(assembly, "ErrorResponse", """{"errors":{"name":{"_errors":[{"code":"BASE_TYPE_REQUIRED","message":"required"}]}}}""")!;
        dynamic errors = Get(response, "Errors")!;
        dynamic entries = errors.AsMap();
        dynamic name = entries["name"];
        dynamic inner = name.AsInnerErrors();
        Assert.Equal("BASE_TYPE_REQUIRED", (string)inner.Errors[0].Code);

        // Created from a map, it writes the map.
        var detailsType = assembly.GetType("Test.Api.ErrorDetails", throwOnError: true)!;
        var mapType = typeof(IReadOnlyDictionary<,>).MakeGenericType(typeof(string), detailsType);
        var dictionary = Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), detailsType))!;
        var created = detailsType.GetConstructor(new[] { mapType })!.Invoke(new[] { dictionary });
        Assert.Equal("{}", Write(assembly, "ErrorDetails", created));
    }

    [Fact]
    public void Array_branches_of_different_item_kinds_are_one_list_of_a_union_of_those_kinds()
    {
        // OpenAI's CreateCompletionRequest.prompt: string | string[] | integer[] | integer[][]. The three arrays were one
        // list of JsonElement (OAG006): their first token is the same.
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Completion:
                  type: object
                  properties:
                    prompt:
                      oneOf:
                        - { type: string }
                        - { type: array, items: { type: string } }
                        - { type: array, items: { type: integer } }
                        - { type: array, items: { type: array, items: { type: integer } } }
                    metrics:
                      anyOf:
                        - { type: array, items: { type: number } }
                        - { type: array, items: { type: array, items: { type: number } } }
                    tags:
                      oneOf:
                        - { type: string }
                        - { type: array, items: { type: string } }
                        - { type: array, items: { type: string, format: uuid } }
                    blobs:
                      oneOf:
                        - { type: string }
                        - { type: array }
                        - { type: array, items: { type: integer } }
            """;
        var run = GeneratorHarness.Run(spec);

        // The blobs' array without items has nothing to type its items by: one list of JsonElement for both arrays, warned.
        Assert.Equal("OAG006", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Equal(26, run.GeneratorDiagnostics[0].Location.GetLineSpan().StartLinePosition.Line); // blobs' first array branch
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();

        // The tags' two arrays of strings (one of uuids) are one list of strings.
        dynamic tags = Get(Read(assembly, "Completion", "{\"tags\":[\"a\",\"5f1c0e0e-0000-4000-8000-000000000000\"]}")!, "Tags")!;
        Assert.True((bool)tags.IsList);
        Assert.Equal("5f1c0e0e-0000-4000-8000-000000000000", (string)tags.AsList()[1]);

        dynamic Prompt(string json) => Get(Read(assembly, "Completion", "{\"prompt\":" + json + "}")!, "Prompt")!;
        Assert.True((bool)Prompt("\"say\"").IsString);
        dynamic strings = Prompt("[\"a\",\"b\"]");
        Assert.True((bool)strings.IsList);
        Assert.Equal("b", (string)strings.AsList()[1].AsString());
        dynamic tokens = Prompt("[1,2]");
        Assert.Equal(2L, (long)tokens.AsList()[1].AsInteger());
        dynamic batches = Prompt("[[1],[2,3]]");
        Assert.Equal(3L, (long)batches.AsList()[1].AsList()[1]);

        // Only arrays (Cloudflare's metrics: number[] | number[][]): the list of their union, without a case of its own.
        dynamic metrics = Get(Read(assembly, "Completion", "{\"metrics\":[[1.5,2],[3]]}")!, "Metrics")!;
        Assert.Equal(3.0, (double)metrics[1].AsList()[0]);
        dynamic flat = Get(Read(assembly, "Completion", "{\"metrics\":[1.5]}")!, "Metrics")!;
        Assert.Equal(1.5, (double)flat[0].AsNumber());

        foreach (var json in new[] { "{\"metrics\":[[1.5,2],[3]]}", "{\"tags\":[\"a\"]}", "{\"prompt\":\"say\"}", "{\"prompt\":[\"a\",\"b\"]}", "{\"prompt\":[1,2]}", "{\"prompt\":[[1],[2,3]]}" })
        {
            Assert.Equal(json, Write(assembly, "Completion", Read(assembly, "Completion", json)!));
        }
    }

    [Fact]
    public void Nested_unions_empty_objects_null_enums_and_arrays_of_objects_are_typed_choices()
    {
        // Four shapes of Cloudflare's full API that were a JsonElement with an OAG006 each: a union beside an object
        // (Hyperdrive's origin), an empty-object branch (the security scan request: a type, a class, or `{}` for all), a
        // branch whose one value is null (the ruleset-or-dry-run result), arrays of two object kinds (Spectrum's apps).
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                DatabaseOrigin: { type: object, properties: { database: { type: string } } }
                Internet: { type: object, properties: { host: { type: string } } }
                Access: { type: object, properties: { access_client_id: { type: string } } }
                Config:
                  type: object
                  properties:
                    origin:
                      type: object
                      anyOf:
                        - $ref: '#/components/schemas/DatabaseOrigin'
                        - title: Origin
                          anyOf: [{ $ref: '#/components/schemas/Internet' }, { $ref: '#/components/schemas/Access' }]
                ScanRequest:
                  anyOf:
                    - { type: object, required: [issue_type], properties: { issue_type: { type: string } } }
                    - { type: object, required: [issue_class], properties: { issue_class: { type: string } } }
                    - { type: object, additionalProperties: false }
                Ruleset: { type: object, properties: { name: { type: string } } }
                RulesetResponse:
                  type: object
                  properties:
                    result:
                      anyOf:
                        - $ref: '#/components/schemas/Ruleset'
                        - { type: object, nullable: true, enum: [null] }
                Apps:
                  type: object
                  properties:
                    result:
                      anyOf:
                        - { type: array, items: { $ref: '#/components/schemas/Internet' } }
                        - { type: array, items: { $ref: '#/components/schemas/Access' } }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();

        // The nested union's branches are the choice's own: AsInternet() on the origin, no choice inside a choice.
        var config = Read(assembly, "Config", """{"origin":{"host":"db.example.com"}}""")!;
        var origin = Get(config, "Origin")!;
        Assert.Equal("db.example.com", Get(Call(origin, "AsInternet")!, "Host"));
        Assert.NotNull(origin.GetType().GetMethod("AsAccess", Type.EmptyTypes));
        Assert.NotNull(origin.GetType().GetMethod("AsDatabaseOrigin", Type.EmptyTypes));
        Assert.Equal("""{"origin":{"host":"db.example.com"}}""", Write(assembly, "Config", config));

        // The empty object is offered as Empty, and writes {}.
        var scanType = assembly.GetType("Test.Api.ScanRequest", throwOnError: true)!;
        var empty = scanType.GetProperty("Empty", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        Assert.Equal("{}", Write(assembly, "ScanRequest", empty));
        Assert.Equal(Read(assembly, "ScanRequest", "{}"), empty);
        var byType = Read(assembly, "ScanRequest", """{"issue_type":"dns"}""")!;
        Assert.Equal("dns", Get(Call(byType, "AsScanRequestOption1")!, "IssueType"));

        // `enum: [null]` is the null of the union: the result is a nullable Ruleset.
        var resultProperty = assembly.GetType("Test.Api.RulesetResponse", throwOnError: true)!.GetProperty("Result")!;
        Assert.Equal("Ruleset", resultProperty.PropertyType.Name);
        Assert.Null(Get(Read(assembly, "RulesetResponse", """{"result":null}""")!, "Result"));
        Assert.Equal("r1", Get(Get(Read(assembly, "RulesetResponse", """{"result":{"name":"r1"}}""")!, "Result")!, "Name"));

        // Two arrays of objects: one list of a choice of the two item records.
        var apps = Read(assembly, "Apps", """{"result":[{"host":"a"},{"access_client_id":"c"}]}""")!;
        dynamic list = Get(apps, "Result")!;
        Assert.Equal("a", (string)list[0].AsInternet().Host);
        Assert.Equal("c", (string)list[1].AsAccess().AccessClientId);
        Assert.Equal("""{"result":[{"host":"a"},{"access_client_id":"c"}]}""", Write(assembly, "Apps", apps));
    }

    [Fact]
    public void Only_maps_are_one_map_of_their_values_union()
    {
        // Cloudflare's iam_resources: `anyOf: [map of string, map of map of string]` was a JsonElement (OAG006), the last
        // such union of its full API. Beside a string, the maps are the union's object case the same way.
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Resources:
                  anyOf:
                    - { type: object, additionalProperties: { type: string } }
                    - { type: object, additionalProperties: { type: object, additionalProperties: { type: string } } }
                Policy:
                  type: object
                  properties:
                    resources: { $ref: '#/components/schemas/Resources' }
                    limits:
                      oneOf:
                        - { type: string }
                        - { type: object, additionalProperties: { type: integer } }
                        - { type: object, additionalProperties: { type: boolean } }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        const string json = """{"resources":{"com.cloudflare.api.account.1":"*","com.cloudflare.api.account.2":{"zone.3":"*"}},"limits":{"rps":10,"burst":true}}""";
        var policy = Read(assembly, "Policy", json)!;
        dynamic resources = Get(policy, "Resources")!;
        Assert.Equal("*", (string)resources["com.cloudflare.api.account.1"].AsString());
        Assert.Equal("*", (string)resources["com.cloudflare.api.account.2"].AsObject()["zone.3"]);
        dynamic limits = Get(policy, "Limits")!;
        Assert.Equal(10L, (long)limits.AsObject()["rps"].AsInteger());
        Assert.True((bool)limits.AsObject()["burst"].AsBoolean());
        Assert.Equal(json, Write(assembly, "Policy", policy));
    }

    [Fact]
    public void A_branch_that_is_only_nullable_is_the_null_of_the_union()
    {
        // Cloudflare's full API: `current_rule: anyOf: [{$ref: cloudforce-one_Rule}, {nullable: true}]`, and Workers AI's
        // message content `anyOf: [string, array of parts, {nullable: true}]`: a JsonElement with an OAG006 each.
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Rule:
                  type: object
                  required: [id]
                  properties: { id: { type: string } }
                Change:
                  type: object
                  properties:
                    current_rule:
                      anyOf:
                        - { $ref: '#/components/schemas/Rule' }
                        - { nullable: true }
                    content:
                      anyOf:
                        - { type: string }
                        - { type: array, items: { type: string } }
                        - { nullable: true }
                    loose:
                      anyOf:
                        - { type: string }
                        - { nullable: true, format: uuid }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var change = assembly.GetType("Test.Api.Change", throwOnError: true)!;
        Assert.Equal("Test.Api.Rule", change.GetProperty("CurrentRule")!.PropertyType.FullName);
        Assert.NotEqual(typeof(System.Text.Json.JsonElement), Nullable.GetUnderlyingType(change.GetProperty("Content")!.PropertyType));
        Assert.Equal("r-1", Get(Get(Read(assembly, "Change", """{"current_rule":{"id":"r-1"}}""")!, "CurrentRule")!, "Id"));
        Assert.Null(Get(Read(assembly, "Change", """{"current_rule":null,"content":null}""")!, "CurrentRule"));
        Assert.Equal("""{"content":["a","b"]}""", Write(assembly, "Change", Read(assembly, "Change", """{"content":["a","b"]}""")!));

        // A branch that says more than "nullable" (here a format) is not the null branch.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.GetMessage().Contains("current_rule", StringComparison.Ordinal));
        Assert.NotEqual(typeof(string), change.GetProperty("Loose")!.PropertyType);
    }

    [Fact]
    public void A_recursiveRef_to_the_document_is_the_component_schema_it_is_written_in()
    {
        // OpenAI's CompoundFilter: its filters are a ComparisonFilter or a CompoundFilter, written `$recursiveRef: '#'`.
        // NSwag reads that branch as an empty schema, so the union was a JsonElement (OAG006).
        const string spec = """
            openapi: 3.1.0
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                ComparisonFilter:
                  type: object
                  required: [type, key]
                  properties:
                    type: { type: string, enum: [eq, ne] }
                    key: { type: string }
                CompoundFilter:
                  type: object
                  required: [type, filters]
                  properties:
                    type: { type: string, enum: [and, or] }
                    filters:
                      type: array
                      items:
                        oneOf:
                          - $ref: "#/components/schemas/ComparisonFilter"
                          - $recursiveRef: "#"
                        discriminator: { propertyName: type }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var filter = Read(assembly, "CompoundFilter", """{"type":"and","filters":[{"type":"eq","key":"a"},{"type":"or","filters":[{"type":"ne","key":"b"}]}]}""")!;
        var filters = ((System.Collections.IEnumerable)Get(filter, "Filters")!).Cast<object>().ToList();
        // A variant is the record itself or, where that record is a plain record too, a variant record holding it (Value).
        var values = filters.Select(Held).ToList();
        Assert.Equal(new[] { "ComparisonFilter", "CompoundFilter" }, values.Select(v => v.GetType().Name));
        Assert.Equal("a", Get(values[0], "Key"));
        var inner = ((System.Collections.IEnumerable)Get(values[1], "Filters")!).Cast<object>().Single();
        Assert.Equal("b", Get(Held(inner), "Key"));

        static object Held(object variant) => variant.GetType().GetProperty("Value")?.GetValue(variant) ?? variant;
    }

    [Fact]
    public void A_recursiveRef_that_would_make_a_schema_its_own_definition_is_harmless()
    {
        // At the component's root it is left alone (an empty schema); through allOf it is a cycle like `allOf: [$ref self]`.
        const string spec = """
            openapi: 3.1.0
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Root: { $recursiveRef: "#" }
                Loop:
                  allOf:
                    - $recursiveRef: "#"
                    - { type: object, properties: { a: { type: string } } }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Null(run.Exception);
        Assert.Empty(run.CompilationProblems);
        Assert.All(run.GeneratorDiagnostics, d => Assert.NotEqual("OAG010", d.Id));
    }

    [Fact]
    public void Objects_that_nothing_tells_apart_keep_their_json_and_offer_every_branch_as_a_typed_record()
    {
        // Cloudflare's access_app_policy_result (a full policy or a partial one, no required property, no tag), Discord's
        // partial updates, Box's signer inputs: they were a JsonElement (OAG006), so a caller wrote request JSON by hand.
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Policy:
                  anyOf:
                    - $ref: '#/components/schemas/FullPolicy'
                    - { type: object, properties: { mfa: { type: boolean } } }
                FullPolicy:
                  type: object
                  properties:
                    id: { type: string }
                    mfa: { type: boolean }
                Holder:
                  type: object
                  properties:
                    policy: { $ref: '#/components/schemas/Policy' }
                    policies: { type: array, items: { $ref: '#/components/schemas/Policy' } }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var holder = Read(assembly, "Holder", """{"policy":{"id":"p1","mfa":true},"policies":[{"mfa":false}]}""")!;

        // Read: the JSON is kept whole, and each branch can be asked for.
        var policy = Get(holder, "Policy")!;
        var full = Call(policy, "AsFullPolicy")!;
        Assert.Equal("p1", Get(full, "Id"));
        Assert.Equal(true, Get(full, "Mfa"));
        var partial = Call(policy, "AsPolicyOption2")!;
        Assert.Equal(true, Get(partial, "Mfa"));
        Assert.Equal("""{"policy":{"id":"p1","mfa":true},"policies":[{"mfa":false}]}""", Write(assembly, "Holder", holder));

        // Created from a branch record: that record is what is written, and it is the value AsX() returns.
        var fullType = assembly.GetType("Test.Api.FullPolicy", throwOnError: true)!;
        var record = Read(assembly, "FullPolicy", """{"id":"p2"}""")!;
        var policyType = assembly.GetType("Test.Api.Policy", throwOnError: true)!;
        var created = Activator.CreateInstance(policyType, record)!;
        Assert.Same(record, Call(created, "AsFullPolicy"));
        Assert.Equal("""{"id":"p2"}""", Write(assembly, "Policy", created));
        Assert.Equal(Read(assembly, "Policy", """{"id":"p2"}"""), created);
        Assert.NotNull(policyType.GetMethod("op_Implicit", new[] { fullType }));

        // A default value (a required property the JSON lacked, read leniently) writes null rather than throwing.
        var none = Activator.CreateInstance(policyType)!;
        Assert.Equal("null", Write(assembly, "Policy", none));
        Assert.Equal(JsonValueKind.Null, ((JsonElement)Get(none, "Json")!).ValueKind);
    }

    [Fact]
    public void AnyOf_that_only_says_which_own_property_is_required_is_the_object_not_a_union()
    {
        // Cloudflare's full API, builds_CreateBuildRequest (and 15 more: stream copies, browser rendering, magic apps):
        // "give commit_hash or branch". It was a JsonElement with an OAG006, losing the whole request's typing.
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                CreateBuildRequest:
                  type: object
                  properties:
                    branch: { type: string }
                    commit_hash: { type: string }
                  anyOf:
                    - required: [commit_hash]
                    - required: [branch]
                Choice:
                  type: object
                  properties:
                    url: { type: string }
                  oneOf:
                    - required: [url]
                    - { type: object, properties: { html: { type: string } } }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.CompilationProblems);
        var build = run.Source(".CreateBuildRequest.g.cs");
        Assert.Contains("public sealed partial record CreateBuildRequest", build);
        Assert.Contains("public string? Branch { get; init; }", build);
        Assert.Contains("public string? CommitHash { get; init; }", build);
        var assembly = run.Load();
        var read = Read(assembly, "CreateBuildRequest", """{"branch":"main"}""")!;
        Assert.Equal("main", Get(read, "Branch"));
        Assert.Equal("""{"branch":"main"}""", Write(assembly, "CreateBuildRequest", read));

        // A branch with a property of its own is a real alternative: that stays the loose union it was (one OAG006).
        Assert.Equal(new[] { "OAG006" }, run.GeneratorDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void String_beside_objects_that_nothing_tells_apart_offers_the_objects_as_a_choice()
    {
        // Cloudflare's access policy links: a policy uuid, or one of two policy objects with no tag between them (nine
        // of them in the full API). The uuid is `allOf: [{description}, {$ref: uuid}]`, which is the uuid string.
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Uuid: { type: string }
                Choice:
                  anyOf:
                    - allOf: [ { description: A policy uuid. }, { $ref: '#/components/schemas/Uuid' } ]
                    - { type: object, properties: { a: { type: string } } }
                    - { type: object, properties: { b: { type: string } } }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var uuid = Read(assembly, "Choice", "\"3f1c\"")!;
        Assert.Equal(true, Get(uuid, "IsString"));
        var choice = Read(assembly, "Choice", """{"b":"x"}""")!;
        Assert.Equal(true, Get(choice, "IsObject"));
        var objects = Call(choice, "AsObject")!;
        Assert.Equal("x", Get(Call(objects, "AsChoiceObjectOption2")!, "B"));
        Assert.Equal("""{"b":"x"}""", Write(assembly, "Choice", choice));
    }

    [Fact]
    public void Variant_shared_by_two_unions_told_apart_by_required_properties_is_wrapped_without_a_tag()
    {
        // Cloudflare's full API (lists items): the wrapper's emitter read the tag's name before looking whether there was one (OAG010).
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Dog: { type: object, required: [bark], properties: { bark: { type: boolean } } }
                Cat: { type: object, required: [meow], properties: { meow: { type: boolean } } }
                Cow: { type: object, required: [moo], properties: { moo: { type: boolean } } }
                Pet: { oneOf: [ { $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' } ] }
                Farm: { oneOf: [ { $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cow' } ] }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var pet = Read(assembly, "Pet", """{"bark":true}""")!;
        Assert.Equal("PetDog", pet.GetType().Name);
        Assert.Equal(true, Get(Get(pet, "Value")!, "Bark"));
        Assert.Equal("FarmDog", Read(assembly, "Farm", """{"bark":false}""")!.GetType().Name);
        Assert.Equal("""{"bark":true}""", Write(assembly, "Pet", pet));
    }

    [Fact]
    public void String_or_date_time_is_a_string()
    {
        // Cloudflare's full API: both became string cases of one StringOrDateTime struct (CS0102, CS0111, CS0229).
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Event:
                  type: object
                  properties:
                    at: { oneOf: [ { type: string }, { type: string, format: date-time } ] }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("public string? At { get; init; }", run.Source(".Event.g.cs"));
    }

    private const string ItemsSpec = """
        openapi: 3.0.3
        info: { title: T, version: '1' }
        paths: {}
        components:
          schemas:
            InputMessage:
              type: object
              required: [type, role]
              properties: { type: { type: string, enum: [message] }, role: { type: string, enum: [user, system] }, text: { type: string } }
            OutputMessage:
              type: object
              required: [type, role]
              properties: { type: { type: string, enum: [message] }, role: { type: string, enum: [assistant] }, id: { type: string } }
            ToolCall:
              type: object
              required: [type]
              properties: { type: { type: string, enum: [tool_call] }, name: { type: string } }
            Item:
              oneOf: [ { $ref: '#/components/schemas/InputMessage' }, { $ref: '#/components/schemas/OutputMessage' }, { $ref: '#/components/schemas/ToolCall' } ]
              discriminator: { propertyName: type }
            EasyMessage:
              type: object
              properties: { type: { type: string, enum: [message] }, role: { type: string, enum: [user, assistant] }, content: { type: string } }
            Reference:
              type: object
              properties: { type: { type: string, enum: [item_reference] }, id: { type: string } }
            InputItem:
              oneOf: [ { $ref: '#/components/schemas/EasyMessage' }, { $ref: '#/components/schemas/Item' }, { $ref: '#/components/schemas/Reference' } ]
              discriminator: { propertyName: type }
        """;

    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> s_items = new(() =>
    {
        var run = GeneratorHarness.Run(ItemsSpec);
        return (run, run.Load());
    });

    [Theory]
    [InlineData("""{"type":"message","role":"user","text":"hi"}""", "InputMessage")]
    [InlineData("""{"type":"message","role":"assistant","id":"m1"}""", "OutputMessage")]
    [InlineData("""{"type":"message","role":"robot"}""", "UnknownItem")]
    [InlineData("""{"type":"tool_call","name":"f"}""", "ToolCall")]
    public void Tag_shared_by_two_variants_is_read_by_the_second_property_each_pins(string json, string variant)
    {
        // OpenAI's Item: InputMessage and OutputMessage are both type 'message' (two 'case "message":' labels, CS0152).
        var assembly = s_items.Value.Assembly;
        var item = Read(assembly, "Item", json)!;

        Assert.Equal(variant, item.GetType().Name);
        Assert.Equal(json, Write(assembly, "Item", item));
    }

    [Fact]
    public void Union_as_a_variant_of_a_union_is_held_by_a_variant_record_read_by_its_own_tags()
    {
        // OpenAI's InputItem has Item as a variant: the union was treated as a record deriving from InputItem (CS0029, CS8121).
        var (run, assembly) = s_items.Value;
        Assert.Empty(run.CompilationProblems);
        var tool = Read(assembly, "InputItem", """{"type":"tool_call","name":"f"}""")!;
        Assert.Equal("InputItemItem", tool.GetType().Name);
        Assert.Equal("ToolCall", Get(tool, "Value")!.GetType().Name);
        Assert.Equal("tool_call", Get(tool, "Type"));
        Assert.Equal("""{"type":"tool_call","name":"f"}""", Write(assembly, "InputItem", tool));
        Assert.Equal("Reference", Read(assembly, "InputItem", """{"type":"item_reference","id":"r"}""")!.GetType().Name);
    }

    [Fact]
    public void Tag_shared_with_nothing_to_tell_the_variants_apart_reads_as_the_first_with_a_located_warning()
    {
        // EasyMessage and Item (InputMessage, OutputMessage) are all 'message'; EasyMessage's role overlaps theirs.
        var (run, assembly) = s_items.Value;
        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG006", warning.Id);
        Assert.Contains("'message' of InputItem's variant InputItemItem", warning.GetMessage());
        Assert.Equal("/specs/api.yaml", warning.Location.GetLineSpan().Path);
        Assert.Equal("EasyMessage", Read(assembly, "InputItem", """{"type":"message","role":"assistant","content":"x"}""")!.GetType().Name);
    }

    [Fact]
    public void String_beside_tagged_objects_is_a_value_union_whose_object_case_is_a_discriminated_union()
    {
        // OpenAI's AssistantsApiResponseFormatOption: "auto" or one of three objects tagged by type (was one JsonElement case).
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Text: { type: object, required: [type], properties: { type: { type: string, enum: [text] } } }
                JsonSchema: { type: object, required: [type, name], properties: { type: { type: string, enum: [json_schema] }, name: { type: string } } }
                Format:
                  oneOf:
                    - { type: string, enum: [auto] }
                    - { $ref: '#/components/schemas/Text' }
                    - { $ref: '#/components/schemas/JsonSchema' }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var format = Read(assembly, "Format", """{"type":"json_schema","name":"n"}""")!;
        Assert.Equal(true, Get(format, "IsObject"));
        Assert.Equal("JsonSchema", Call(format, "AsObject")!.GetType().Name);
        Assert.Equal("""{"type":"json_schema","name":"n"}""", Write(assembly, "Format", format));
        Assert.Equal("auto", Call(Read(assembly, "Format", "\"auto\"")!, "AsString"));
        Assert.Equal("UnknownFormatObject", Call(Read(assembly, "Format", """{"type":"xml"}""")!, "AsObject")!.GetType().Name);
    }

    [Fact]
    public void Integer_tags_select_the_variant_and_are_written_as_numbers()
    {
        // Discord's application command options: `type: {type: integer, enum: [11]}` in each variant, no discriminator.
        const string spec = """
            openapi: 3.1.0
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Attachment: { type: object, required: [type, name], properties: { type: { type: integer, enum: [11], format: int32 }, name: { type: string } } }
                Flag: { type: object, required: [type], properties: { type: { type: integer, enum: [5, 6] }, on: { type: boolean } } }
                Option: { oneOf: [ { $ref: '#/components/schemas/Attachment' }, { $ref: '#/components/schemas/Flag' } ] }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var attachment = Read(assembly, "Option", """{"name":"a","type":11}""")!;
        Assert.Equal("Attachment", attachment.GetType().Name);
        Assert.Equal("11", Get(attachment, "Type"));
        Assert.Equal("""{"type":11,"name":"a"}""", Write(assembly, "Option", attachment));
        var flag = Read(assembly, "Option", """{"type":6,"on":true}""")!;
        Assert.Equal("6", Get(flag, "Type"));
        Assert.Equal("""{"type":6,"on":true}""", Write(assembly, "Option", flag));
        Assert.Equal("UnknownOption", Read(assembly, "Option", """{"type":99}""")!.GetType().Name);
    }

    [Fact]
    public void Variants_written_as_a_oneOf_of_one_object_are_that_object()
    {
        // OpenAI's AssistantStreamEvent: oneOf [ThreadStreamEvent, RunStreamEvent], each `oneOf: [{event: enum [...]}]`.
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                ThreadEvent:
                  oneOf:
                    - { type: object, required: [event], properties: { event: { type: string, enum: [thread.created] }, id: { type: string } } }
                RunEvent:
                  oneOf:
                    - { type: object, required: [event], properties: { event: { type: string, enum: [run.created] }, run: { type: integer } } }
                StreamEvent:
                  oneOf: [ { $ref: '#/components/schemas/ThreadEvent' }, { $ref: '#/components/schemas/RunEvent' } ]
                Holder:
                  type: object
                  properties: { thread: { $ref: '#/components/schemas/ThreadEvent' } }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var e = Read(assembly, "StreamEvent", """{"event":"run.created","run":3}""")!;
        Assert.Equal(3L, Get(e.GetType().GetProperty("Value") is { } value ? value.GetValue(e)! : e, "Run"));
        Assert.Equal("""{"event":"run.created","run":3}""", Write(assembly, "StreamEvent", e));
        Assert.Equal("UnknownStreamEvent", Read(assembly, "StreamEvent", """{"event":"x"}""")!.GetType().Name);
    }

    [Fact]
    public void Union_of_unions_without_a_discriminator_is_told_apart_by_the_tags_of_their_variants()
    {
        // OpenAI's Content: oneOf [InputContent, OutputContent], each a union tagged by type (was JsonElement, OAG006).
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                InputText: { type: object, required: [type], properties: { type: { type: string, enum: [input_text] }, text: { type: string } } }
                InputImage: { type: object, required: [type], properties: { type: { type: string, enum: [input_image] } } }
                OutputText: { type: object, required: [type], properties: { type: { type: string, enum: [output_text] }, text: { type: string } } }
                InputContent: { oneOf: [ { $ref: '#/components/schemas/InputText' }, { $ref: '#/components/schemas/InputImage' } ], discriminator: { propertyName: type } }
                OutputContent: { oneOf: [ { $ref: '#/components/schemas/OutputText' } ] }
                Content: { oneOf: [ { $ref: '#/components/schemas/InputContent' }, { $ref: '#/components/schemas/OutputContent' } ] }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var input = Read(assembly, "Content", """{"type":"input_image"}""")!;
        Assert.Equal("ContentInputContent", input.GetType().Name);
        Assert.Equal("InputImage", Get(input, "Value")!.GetType().Name);
        Assert.Equal("OutputText", Read(assembly, "Content", """{"type":"output_text","text":"x"}""")!.GetType().Name);
        Assert.Equal("""{"type":"input_image"}""", Write(assembly, "Content", input));
    }
}
