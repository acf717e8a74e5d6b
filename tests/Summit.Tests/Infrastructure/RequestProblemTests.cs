using System.Net.Http.Headers;
using System.Text;
using Summit.Server;
using Summit.Server.Guests;
using Summit.Server.Guests.Import;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Images;
using Summit.Tests.Access;

namespace Summit.Tests.Infrastructure;

/// <summary>
/// Requests the API cannot even read: malformed JSON, a body over the limit, a wrong content type, an unknown address. Each is
/// refused with an RFC 9457 problem carrying a stable code and a title in the caller's language, never a bare status.
/// </summary>
public class RequestProblemTests(KestrelAccessFactory app) : IClassFixture<KestrelAccessFactory>
{
    public static TheoryData<string, string> MalformedJson => new()
    {
        { "/api/v1/device/scans", "\u0000\u0001garbage" },
        { "/api/v1/device/scans", """{"nonce": 5, "code": "x"}""" },
        { "/api/v1/device/scans", """{"nonce": "00000000-0000-0000-0000-000000000001", "code": """ },
        { "/api/v1/device/scans/upload", """{"scans": [{"nonce": "not-a-guid"}]}""" },
        { "/api/v1/device/scans/upload", """{"scans": [""" },
    };

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public async Task Malformed_json_to_the_device_api_is_refused_with_its_reason(string path, string body)
    {
        using var device = app.DeviceClient(app.Venue.MainInToken);
        var response = await device.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(400, ErrorCodes.RequestJsonInvalid);
    }

    [Fact]
    public async Task Malformed_json_to_a_staff_api_is_refused_in_the_callers_language()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var english = await secretariat.PostAsync("/api/v1/guests", new StringContent("""{"familyName": "王",""", Encoding.UTF8, "application/json"));
        await english.AssertProblemAsync(400, ErrorCodes.RequestJsonInvalid);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/guests")
        {
            Content = new StringContent("""{"familyName": ["王"]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-Hans"));
        var chinese = await secretariat.SendAsync(request);
        await chinese.AssertProblemAsync(400, ErrorCodes.RequestJsonInvalid);
        Assert.NotEqual((await english.ProblemAsync()).GetProperty("title").GetString(), (await chinese.ProblemAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_body_of_the_wrong_type_is_refused_with_its_reason()
    {
        using var device = app.DeviceClient(app.Venue.MainInToken);
        var wrongType = new ByteArrayContent([1, 2, 3]);
        wrongType.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        await (await device.PostAsync("/api/v1/device/scans", wrongType)).AssertProblemAsync(415, ErrorCodes.RequestUnsupportedMediaType);
    }

    [Fact]
    public async Task A_json_body_over_the_api_limit_is_refused_before_it_is_read()
    {
        // Well-formed, but 2 MB of one code: far more than a gate's largest upload.
        using var device = app.DeviceClient(app.Venue.MainInToken);
        var body = $$"""{"nonce":"{{Guid.NewGuid()}}","code":"{{new string('A', 2 * 1024 * 1024)}}"}""";
        // "Expect: 100-continue", as a careful client sends a large body: the server refuses before the client sends the rest,
        // so the refusal is read rather than lost to a connection the server closed while the client was still writing.
        device.DefaultRequestHeaders.ExpectContinue = true;
        await (await device.PostAsync("/api/v1/device/scans", new StringContent(body, Encoding.UTF8, "application/json")))
            .AssertProblemAsync(413, ErrorCodes.RequestTooLarge);
        await (await device.PostAsync("/api/v1/device/scans", Chunked(Encoding.UTF8.GetBytes(body), "application/json")))
            .AssertProblemAsync(413, ErrorCodes.RequestTooLarge);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_import_over_its_limit_meets_the_imports_own_limit_and_message(bool chunked)
    {
        // The probe: 31 MB and more met Kestrel's default 30 MB cap first, a bare 413 with no body.
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var justOver = new byte[GuestImportApi.MaxUploadBytes + 1];
        var response = await secretariat.PostAsync("/api/v1/guests/import", ImportForm(justOver, chunked));
        await response.AssertProblemAsync(422, GuestErrors.ImportFileTooLarge);
        Assert.Contains("50", (await response.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);

        var farOver = new byte[GuestImportApi.MaxUploadBytes + (8 * 1024 * 1024)];
        var refused = await secretariat.PostAsync("/api/v1/guests/import", ImportForm(farOver, chunked));
        await refused.AssertProblemAsync(413, GuestErrors.ImportFileTooLarge);
        Assert.Contains("50", (await refused.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_that_asks_before_sending_a_huge_upload_is_refused_before_it_sends_it()
    {
        // curl asks (Expect: 100-continue) before a large upload: the answer comes at once, and the gigabyte is never sent.
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var file = new StreamContent(new ZeroStream(1024L * 1024 * 1024));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/guests/import") { Content = new MultipartFormDataContent { { file, "file", "guests.csv" } } };
        request.Headers.ExpectContinue = true;
        await (await secretariat.SendAsync(request)).AssertProblemAsync(413, GuestErrors.ImportFileTooLarge);
    }

    [Fact]
    public async Task A_portal_photo_over_the_request_limit_meets_the_photo_limit()
    {
        var guest = await app.CreateGuestAsync();
        var token = await app.InviteAsync(guest.Id);
        var photo = new byte[PhotoProcessor.MaxBytes * 2];
        TestImages.Jpeg(400, 500).CopyTo(photo, 0);
        await (await app.RegisterAsync(token, Intents.RegistrationForm(photo))).AssertProblemAsync(413, ErrorCodes.PhotoTooLarge);
        await app.RegisterOkAsync(token);
    }

    [Fact]
    public async Task Bare_refusals_of_the_api_carry_a_problem_too()
    {
        using var anonymous = app.CreateClient();
        await (await anonymous.GetAsync("/api/v1/no-such-thing")).AssertProblemAsync(404, ErrorCodes.RequestNotFound);
        await (await anonymous.DeleteAsync("/api/v1/version")).AssertProblemAsync(405, ErrorCodes.RequestMethodNotAllowed);
        await (await anonymous.GetAsync("/api/v1/guests")).AssertProblemAsync(401, ErrorCodes.AuthRequired);
        using var gate = await app.ClientForAsync(Roles.GateOperator);
        await (await gate.GetAsync("/api/v1/guests")).AssertProblemAsync(403, ErrorCodes.AuthForbidden);
    }

    private static MultipartFormDataContent ImportForm(byte[] file, bool chunked)
    {
        HttpContent part = chunked ? Chunked(file, "text/csv") : new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };
        // A part of unknown length makes the whole form chunked: the server learns its size only by reading.
        return new MultipartFormDataContent { { part, "file", "guests.csv" } };
    }

    /// <summary>A body sent with chunked transfer encoding, so the server cannot refuse it from its announced length.</summary>
    private static StreamContent Chunked(byte[] body, string contentType)
    {
        var content = new StreamContent(new UnseekableStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    /// <summary>A body of zeros of a stated length, made as it is read.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = (int)Math.Min(count, length - Position);
            Array.Clear(buffer, offset, read);
            Position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
