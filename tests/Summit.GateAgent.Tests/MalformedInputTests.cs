using System.Net;
using System.Net.Http.Json;
using System.Text;
using Summit.Access.Core;

namespace Summit.GateAgent.Tests;

public sealed class MalformedInputTests
{
    [Fact]
    public async Task Lines_end_at_LF_CR_or_CRLF_and_nothing_else_is_stripped()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("a\rb\r\nc\n\n d \r\r\n中文\ne"));
        var lines = new List<string>();
        await foreach (var line in ScanLines.ReadAsync(input))
        {
            lines.Add(line);
        }

        Assert.Equal(["a", "b", "c", "", " d ", "", "中文", "e"], lines);
    }

    [Fact]
    public async Task Binary_garbage_huge_lines_and_invalid_text_are_refused_one_verdict_per_line()
    {
        await using var h = await AgentHarness.StartAsync();
        var guest = GateWorld.Issue();
        var altered = guest.Code[..100] + (guest.Code[100] == 'A' ? 'B' : 'A') + guest.Code[101..];
        using var input = new MemoryStream();
        input.Write([0x00, 0xFF, 0xFE, 0x1B, 0x5B, 0x32, 0x4A, 0x07, (byte)'\n']);
        input.Write(Encoding.ASCII.GetBytes(new string('S', 3_000_000)));
        input.Write("\n\n\n"u8);
        input.Write([(byte)'S', (byte)'1', 0xC3, 0x28, 0xED, 0xA0, 0x80, (byte)'\r']);
        input.Write(Encoding.ASCII.GetBytes(guest.Code + " \n"));
        input.Write(Encoding.ASCII.GetBytes(altered + "\n"));
        input.Write(Encoding.ASCII.GetBytes(guest.Code));
        input.Position = 0;
        using var output = new StringWriter();

        var scans = await ScanLines.ScanAllAsync(h.Agent, input, output);

        var printed = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, scans);
        Assert.Equal(6, printed.Length);
        Assert.All(printed[..4], line => Assert.StartsWith("REFUSED  BadFormat (10)", line, StringComparison.Ordinal));
        Assert.StartsWith("REFUSED  BadSignature (11)", printed[4], StringComparison.Ordinal);
        Assert.StartsWith("ADMITTED Admitted (0)", printed[5], StringComparison.Ordinal);
        Assert.True((await h.Agent.UploadNowAsync()).Complete);
        Assert.All(h.Server.Recorded.Values, scan => Assert.InRange(scan.Code.Length, 1, AgentOptions.MaxCodeLength));
        Assert.Equal(6, h.Server.Recorded.Count);
    }

    [Fact]
    public async Task A_code_of_any_length_from_the_endpoint_is_cut_before_the_journal()
    {
        await using var h = await AgentHarness.StartAsync(localEndpoint: true);

        var verdict = await h.PostScanAsync(new string('S', 10_000));

        Assert.Equal(ReasonCode.BadFormat, verdict.Reason);
        Assert.True((await h.Agent.UploadNowAsync()).Complete);
        Assert.Equal(AgentOptions.MaxCodeLength, h.Server.Recorded[verdict.Nonce].Code.Length);
    }

    [Theory]
    [InlineData("{\"code\": \"S1", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("null", HttpStatusCode.BadRequest)]
    [InlineData("{}", HttpStatusCode.BadRequest)]
    [InlineData("{\"code\": null}", HttpStatusCode.BadRequest)]
    [InlineData("{\"code\": 42}", HttpStatusCode.BadRequest)]
    [InlineData("{\"code\": \"S1\", \"direction\": \"Sideways\"}", HttpStatusCode.BadRequest)]
    [InlineData("[\"S1\"]", HttpStatusCode.BadRequest)]
    public async Task A_malformed_request_to_the_endpoint_is_refused_in_both_languages_and_not_journaled(string body, HttpStatusCode expected)
    {
        await using var h = await AgentHarness.StartAsync(localEndpoint: true);
        using var http = new HttpClient { BaseAddress = h.Agent.LocalAddress };

        using var response = await http.PostAsync("scan", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<LocalProblem>(AgentJson.Options);
        Assert.Equal("bad_request", problem!.Code);
        Assert.Contains("请求体", problem.TitleZh, StringComparison.Ordinal);
        Assert.Equal(0, h.Agent.Status().JournaledScans);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_unread_and_the_endpoint_keeps_serving()
    {
        await using var h = await AgentHarness.StartAsync(localEndpoint: true);
        using var http = new HttpClient { BaseAddress = h.Agent.LocalAddress };
        var huge = "{\"code\": \"" + new string('S', 1_000_000) + "\"}";

        using var response = await http.PostAsync("scan", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True((await h.PostScanAsync(GateWorld.Issue().Code)).Admitted);
    }
}
