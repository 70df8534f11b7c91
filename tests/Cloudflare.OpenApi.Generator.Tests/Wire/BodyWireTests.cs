using System.Net;
using System.Text;
using Cloudflare.OpenApi;

namespace Cloudflare.OpenApi.Generator.Tests.Wire;

/// <summary>The generated client of <c>Specs/bodies.yaml</c>, called over an in-process handler: what goes on the wire.</summary>
public sealed class BodyWireTests
{
    private static readonly GeneratedAssembly s_api = GeneratedAssembly.Load("bodies");

    [Fact]
    public async Task Form_body_is_url_encoded_fields_with_arrays_exploded_or_joined_as_the_encoding_says()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/json", """{"access_token":"t"}""");
        var request = s_api.Create(
            "TokensCreateRequest",
            ("GrantType", s_api.Enum("TokensCreateRequestGrantType", "Password")),
            ("Username", "a b&c"),
            ("Scope", new[] { "read", "write" }),
            ("Audiences", new[] { "x", "y,z" }),
            ("Ttl", (long?)60),
            ("Remember", (bool?)true),
            ("Metadata", s_api.Create("TokensCreateRequestMetadata", ("Source", "cli"))));

        dynamic tokens = s_api.Client(handler).Tokens;
        var response = await tokens.CreateAsync((dynamic)request, cancellationToken: CancellationToken.None);

        Assert.Equal("t", (string)response.AccessToken);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("application/x-www-form-urlencoded", sent.ContentType?.MediaType);

        // scope: form + explode (the default) repeats the name; audiences: explode false joins with a comma.
        Assert.Equal(
            "grant_type=password&username=a+b%26c&scope=read&scope=write&audiences=x%2Cy%2Cz&ttl=60&remember=true&metadata=%7B%22source%22%3A%22cli%22%7D",
            sent.BodyText);
    }

    [Fact]
    public async Task Form_body_leaves_out_null_fields()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/json", "{}");
        var request = s_api.Create("TokensCreateRequest", ("GrantType", s_api.Enum("TokensCreateRequestGrantType", "RefreshToken")));

        dynamic tokens = s_api.Client(handler).Tokens;
        await tokens.CreateAsync((dynamic)request, cancellationToken: CancellationToken.None);

        Assert.Equal("grant_type=refresh_token", Assert.Single(handler.Requests).BodyText);
    }

    [Fact]
    public async Task Multipart_body_has_a_file_part_with_name_and_type_text_parts_one_per_array_item_and_a_json_part()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.Created, "application/json", """{"source":"s"}""");
        var request = s_api.Create(
            "FilesUploadRequest",
            ("File", BinaryContent.FromBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, fileName: "logo.png")),
            ("Attachments", new[] { BinaryContent.FromBytes(Encoding.UTF8.GetBytes("hello"), "text/plain", "a.txt") }),
            ("Name", "logo"),
            ("Size", (double?)4.5),
            ("Labels", new[] { "one", "two" }),
            ("Metadata", s_api.Create("Metadata", ("Source", "upload"))));

        dynamic files = s_api.Client(handler).Files;
        var created = await files.UploadAsync((dynamic)request, cancellationToken: CancellationToken.None);

        Assert.Equal("s", (string)created.Source);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("multipart/form-data", sent.ContentType?.MediaType);
        var parts = Multipart.Parse(sent);
        Assert.Equal(new[] { "file", "attachments", "name", "size", "labels", "labels", "metadata" }, parts.Select(p => p.Name));

        var file = parts[0];
        Assert.Equal("logo.png", file.FileName);
        Assert.Equal("image/png", file.ContentType); // the spec's encoding.contentType, since the content named none
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, file.Body);

        var attachment = parts[1];
        Assert.Equal("a.txt", attachment.FileName);
        Assert.Equal("text/plain", attachment.ContentType); // the content's own media type wins
        Assert.Equal("hello", attachment.Text);

        Assert.Equal("logo", parts[2].Text);
        Assert.Null(parts[2].ContentType);
        Assert.Equal("4.5", parts[3].Text);
        Assert.Equal(new[] { "one", "two" }, new[] { parts[4].Text, parts[5].Text });
        Assert.Equal("application/json", parts[6].ContentType);
        Assert.Equal("""{"source":"upload"}""", parts[6].Text);
    }

    [Fact]
    public async Task Binary_request_body_sends_the_stream_as_octet_stream_and_a_seekable_stream_is_rewound_for_a_retry()
    {
        var handler = new WireHandler()
            .Answer(HttpStatusCode.ServiceUnavailable, "application/json", """{"success":false,"errors":[]}""")
            .NoContent();
        using var stream = new MemoryStream(new byte[] { 1, 2, 3, 4, 5 });
        stream.Position = 1; // sent from where the caller left it, on every attempt

        dynamic files = s_api.Client(handler, maxRetries: 1).Files;
        await files.ReplaceAsync("f 1", BinaryContent.FromStream(stream), cancellationToken: CancellationToken.None);

        Assert.Equal(2, handler.Requests.Count);
        foreach (var sent in handler.Requests)
        {
            Assert.Equal(HttpMethod.Put, sent.Method);
            Assert.Equal("https://api.example.com/files/f%201/content", sent.Uri.AbsoluteUri);
            Assert.Equal("application/octet-stream", sent.ContentType?.MediaType);
            Assert.Equal(new byte[] { 2, 3, 4, 5 }, sent.Body);
        }

        Assert.True(stream.CanRead, "the caller's stream stays open");
    }

    [Fact]
    public async Task Binary_request_body_from_a_non_seekable_stream_is_not_retried()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.ServiceUnavailable, "application/json", """{"success":false,"errors":[]}""");
        using var stream = new ForwardOnlyStream(new byte[] { 9, 9 });

        dynamic files = s_api.Client(handler, maxRetries: 3).Files;
        await Assert.ThrowsAsync<CloudflareServerException>(async () => await files.ReplaceAsync("f", BinaryContent.FromStream(stream, "image/jpeg"), cancellationToken: CancellationToken.None));

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("image/jpeg", sent.ContentType?.MediaType);
    }

    [Fact]
    public async Task Binary_response_returns_the_bytes_and_media_type_and_asks_for_octet_stream()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/octet-stream", new byte[] { 0, 255, 7 });

        dynamic files = s_api.Client(handler).Files;
        BinaryContent content = await files.DownloadAsync("f", cancellationToken: CancellationToken.None);

        Assert.Equal(new byte[] { 0, 255, 7 }, content.ToArray());
        Assert.Equal("application/octet-stream", content.ContentType);
        Assert.Equal("application/octet-stream", Assert.Single(handler.Requests).Headers.Accept.ToString());
    }

    [Fact]
    public async Task Binary_response_also_streams_unbuffered_past_the_size_cap_after_retrying_until_headers()
    {
        // 503 first (retried: nothing was streamed yet), then 3 KB although the client buffers at most 1 KB.
        var payload = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        var handler = new WireHandler()
            .Answer(HttpStatusCode.ServiceUnavailable, "application/json", """{"success":false,"errors":[{"code":1,"message":"busy"}],"messages":[],"result":null}""")
            .Answer(HttpStatusCode.OK, "application/octet-stream", payload);
        dynamic files = s_api.Client(handler, 1, ("MaxResponseSize", 1024L)).Files;

        await using StreamedContent download = await files.DownloadStreamAsync("f", cancellationToken: CancellationToken.None);
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);

        Assert.Equal(payload, copy.ToArray());
        Assert.Equal("application/octet-stream", download.ContentType);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
        await Assert.ThrowsAsync<CloudflareResponseTooLargeException>(async () => await files.DownloadAsync("f", cancellationToken: CancellationToken.None));
    }

    [Fact]
    public async Task Binary_stream_of_an_error_status_is_the_typed_exception_with_the_body_read()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.NotFound, "application/json", """{"success":false,"errors":[{"code":7,"message":"no such file"}],"messages":[],"result":null}""");
        dynamic files = s_api.Client(handler).Files;

        var error = await Assert.ThrowsAnyAsync<CloudflareApiException>(async () => await files.DownloadStreamAsync("gone", cancellationToken: CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("no such file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_request_and_response_are_utf8_text_with_the_spec_media_type()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "text/plain", "grüße").NoContent();
        dynamic files = s_api.Client(handler).Files;

        string note = await files.GetNoteAsync("f", cancellationToken: CancellationToken.None);
        await files.SetNoteAsync("f", "héllo", cancellationToken: CancellationToken.None);

        Assert.Equal("grüße", note);
        var set = handler.Requests[1];
        Assert.Equal("text/plain", set.ContentType?.MediaType);
        Assert.Equal("utf-8", set.ContentType?.CharSet);
        Assert.Equal("héllo", set.BodyText);
    }

    [Fact]
    public async Task Json_or_binary_response_is_json_for_a_json_content_type()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/json; charset=utf-8", """{"success":true,"errors":[],"result":{"source":"json"}}""");
        dynamic files = s_api.Client(handler).Files;

        dynamic output = await files.GetOutputAsync("f", cancellationToken: CancellationToken.None);

        Assert.True((bool)output.IsJson);
        Assert.Equal("json", (string)output.Json.Source);
        Assert.Throws<InvalidOperationException>(() => (object)output.Binary);
        Assert.Equal("application/json, application/octet-stream", Assert.Single(handler.Requests).Headers.Accept.ToString());
    }

    [Fact]
    public async Task Json_or_binary_response_is_bytes_for_any_other_content_type()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/octet-stream", new byte[] { 42 });
        dynamic files = s_api.Client(handler).Files;

        dynamic output = await files.GetOutputAsync("f", cancellationToken: CancellationToken.None);

        Assert.True((bool)output.IsBinary);
        BinaryContent binary = output.Binary;
        Assert.Equal(new byte[] { 42 }, binary.ToArray());
        Assert.Throws<InvalidOperationException>(() => (object)output.Json);
    }

    [Fact]
    public async Task Operation_with_json_and_form_bodies_sends_json()
    {
        var handler = new WireHandler().NoContent();
        dynamic imports = s_api.Client(handler).Imports;

        await imports.CreateAsync((dynamic)s_api.Create("Metadata", ("Source", "x")), cancellationToken: CancellationToken.None);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("application/json", sent.ContentType?.MediaType);
        Assert.Equal("""{"source":"x"}""", sent.BodyText);
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>A minimal multipart/form-data reader for the tests (the BCL has a writer, not a reader).</summary>
internal static class Multipart
{
    public sealed record Part(string Name, string? FileName, string? ContentType, byte[] Body)
    {
        public string Text => Encoding.UTF8.GetString(Body);
    }

    public static List<Part> Parse(SentRequest request)
    {
        var boundary = request.ContentType!.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var latin1 = Encoding.Latin1.GetString(request.Body); // byte-preserving
        var parts = new List<Part>();
        foreach (var chunk in latin1.Split("--" + boundary).Skip(1))
        {
            if (chunk.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var split = chunk.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = chunk.Substring(2, split - 2).Split("\r\n");
            var body = chunk.Substring(split + 4, chunk.Length - split - 4 - 2); // the part ends with CRLF before the next boundary
            string? Header(string name) => headers.FirstOrDefault(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?.Substring(name.Length + 1).Trim();
            var disposition = System.Net.Http.Headers.ContentDispositionHeaderValue.Parse(Header("Content-Disposition")!);
            var contentType = Header("Content-Type");
            parts.Add(new Part(
                disposition.Name!.Trim('"'),
                disposition.FileName?.Trim('"'),
                contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType).MediaType,
                Encoding.Latin1.GetBytes(body)));
        }

        return parts;
    }
}
