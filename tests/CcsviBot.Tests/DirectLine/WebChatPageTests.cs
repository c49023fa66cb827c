using System.Net;

namespace CcsviBot.Tests.DirectLine;

public sealed class WebChatPageTests(DirectLineTestHost host) : IClassFixture<DirectLineTestHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task The_page_names_the_bot_says_it_is_not_medical_advice_and_loads_web_chat_from_this_server()
    {
        var response = await _client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("General information, not medical advice", html);
        Assert.Contains("<h1>CcsviBot</h1>", html);
        Assert.Contains("<script src=\"webchat/webchat.js\"></script>", html);
        Assert.DoesNotContain("http", html.Split("<body>")[1]);
        Assert.DoesNotContain(DirectLineTestHost.Secret, html);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/privacy", "<h1>Privacy</h1>", "Records are deleted after 90 days")]
    [InlineData("/terms", "<h1>Terms of use</h1>", "not medical advice")]
    public async Task Privacy_and_terms_are_served_from_the_faq_markdown_and_linked_under_the_chat(string path, string heading, string text)
    {
        var response = await _client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(heading, html);
        Assert.Contains(text, html);
        Assert.DoesNotContain("{{", html);
        Assert.Contains($"<a href=\"{path.TrimStart('/')}\"", await _client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Web_chat_bundle_is_served_from_the_pinned_package_and_revalidates_by_etag()
    {
        var response = await _client.GetAsync("/webchat/webchat.js");
        var bundle = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("4.18.1", bundle);
        Assert.True(bundle.Length > 1_000_000);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/webchat/webchat.js");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Web_chat_bundle_is_gzipped_for_browsers_that_accept_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/webchat/webchat.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        var zipped = await _client.SendAsync(request);
        var plain = await _client.GetByteArrayAsync("/webchat/webchat.js");

        Assert.Equal("gzip", zipped.Content.Headers.ContentEncoding.Single());
        var compressed = await zipped.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < plain.Length / 2);
        using var unzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var restored = new MemoryStream();
        await unzip.CopyToAsync(restored);
        Assert.Equal(plain, restored.ToArray());
        Assert.NotEqual(zipped.Headers.ETag, (await _client.GetAsync("/webchat/webchat.js")).Headers.ETag);
    }

    [Fact]
    public async Task The_chat_script_hides_the_upload_button_and_uses_this_servers_direct_line()
    {
        var script = await _client.GetStringAsync("/webchat/chat.js");

        Assert.Contains("hideUploadButton: true", script);
        Assert.Contains("new URL('v3/directline', document.baseURI)", script);
        Assert.Contains("api/directline/token", script);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/webchat/other.js")).StatusCode);
    }

    [Fact]
    public async Task Embed_page_gives_a_script_and_an_iframe_snippet_for_this_server_with_a_working_demo()
    {
        var html = await _client.GetStringAsync("/embed");
        var script = await _client.GetAsync("/embed.js");

        Assert.Contains("&lt;script src=&quot;http://localhost/embed.js&quot; defer&gt;&lt;/script&gt;", html);
        Assert.Contains("&lt;iframe src=&quot;http://localhost/?embedded=1&quot;", html);
        Assert.Contains("<iframe src=\"./?embedded=1\"", html);
        Assert.Contains("<script src=\"embed.js\" defer></script>", html);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("document.currentScript", await script.Content.ReadAsStringAsync());
    }
}
