using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Sensors;

namespace Summit.Server.Screening.Ingestion;

/// <summary>
/// The topic layout, the payload and the checks every reading passes (docs/screening/mqtt.md). Pure: it never throws on bad
/// input and reads no clock of its own, so hostile payloads are tested directly.
/// </summary>
public static class SensorMessages
{
    public const string TopicPrefix = "summit/v1/sensors/";
    public const string TopicSuffix = "/readings";
    public const string SubscriptionFilter = "summit/v1/sensors/+/readings";

    /// <summary>A reading is about 150 bytes; anything beyond this is not a reading.</summary>
    public const int MaxPayloadBytes = 1024;

    private static readonly JsonDocumentOptions JsonLimits = new() { MaxDepth = 4, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public static string TopicFor(string sensorCode) => TopicPrefix + sensorCode + TopicSuffix;

    /// <summary>The text a sensor signs: the four fields exactly as they appear in the JSON, joined by '|'.</summary>
    public static string CanonicalText(string sensor, string celsius, string at, string seq) => $"{sensor}|{celsius}|{at}|{seq}";

    public static string Sign(ReadOnlySpan<byte> key, string canonical) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));

    /// <summary>A signed payload, as a sensor (or a test, or the bench) publishes it.</summary>
    public static string Payload(string sensor, string secret, double celsius, DateTimeOffset at, long seq)
    {
        var celsiusText = celsius.ToString("0.0##", CultureInfo.InvariantCulture);
        var atText = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var seqText = seq.ToString(CultureInfo.InvariantCulture);
        var sig = Sign(Encoding.UTF8.GetBytes(secret), CanonicalText(sensor, celsiusText, atText, seqText));
        return $"{{\"sensor\":{JsonSerializer.Serialize(sensor)},\"celsius\":{celsiusText},\"at\":\"{atText}\",\"seq\":{seqText},\"sig\":\"{sig}\"}}";
    }

    /// <summary>
    /// Checks one message. <paramref name="lastSequences"/> holds the highest accepted sequence per sensor (as read from the database in
    /// the batch's transaction; none means none accepted) and is advanced on acceptance. A reading just below it, inside
    /// <see cref="ScreeningOptions.ReorderWindow"/>, is accepted as late: the caller refuses it if its number is already stored.
    /// </summary>
    public static (AcceptedReading? Reading, RefusedMessage? Refusal) Check(SensorMessage message, IReadOnlyDictionary<string, SensorEntry> sensors,
        Dictionary<Guid, long> lastSequences, ScreeningOptions options)
    {
        var at = message.ReceivedAt;
        var topicCode = TopicCode(message.Topic);
        RefusedMessage Refuse(SensorEntry? sensor, string reason, string detail) =>
            new(sensor?.Id.ToString("N") ?? SensorRefusalCount.UnknownKey, sensor?.Id, reason, Clip(detail), at);

        if (message.Refused is { } packet)
        {
            var sensor = packet.Login is not null ? sensors.GetValueOrDefault(packet.Login) : null;
            return (null, Refuse(sensor is { Revoked: false } ? sensor : null, RefusalReasons.PacketTooLarge,
                $"a packet of {packet.AnnouncedBytes:N0} bytes (limit {packet.LimitBytes:N0}) from {packet.Login ?? "a client not logged in"} at {packet.From}; "
                + "connection closed"));
        }

        // Summit's own broker knows which sensor's login published: it may publish on its own topic only.
        if (message.Publisher is { } publisher && topicCode != publisher)
        {
            var sensor = sensors.GetValueOrDefault(publisher);
            return (null, Refuse(sensor is { Revoked: false } ? sensor : null, RefusalReasons.ForeignTopic,
                $"{Clip(publisher, 64)} published on {Clip(message.Topic, 100)}"));
        }

        if (message.Truncated || message.Payload.Length > MaxPayloadBytes)
        {
            var sensor = topicCode is not null ? sensors.GetValueOrDefault(topicCode) : null;
            return (null, Refuse(sensor is { Revoked: false } ? sensor : null, RefusalReasons.TooLarge, $"topic {Clip(message.Topic, 100)}"));
        }

        if (!TryReadFields(message.Payload, out var fields, out var problem))
        {
            var sensor = topicCode is not null ? sensors.GetValueOrDefault(topicCode) : null;
            return (null, Refuse(sensor is { Revoked: false } ? sensor : null, RefusalReasons.Malformed, $"{problem} (topic {Clip(message.Topic, 100)})"));
        }

        if (!sensors.TryGetValue(fields.Sensor, out var entry))
        {
            return (null, Refuse(null, RefusalReasons.UnknownSensor, $"sensor \"{Clip(fields.Sensor, 64)}\""));
        }

        if (entry.Revoked)
        {
            return (null, Refuse(entry, RefusalReasons.RevokedSensor, $"sensor {entry.Code}, seq {fields.SeqText}"));
        }

        if (topicCode != entry.Code)
        {
            return (null, Refuse(entry, RefusalReasons.TopicMismatch, $"published on {Clip(message.Topic, 100)}"));
        }

        var expected = Sign(entry.Key, CanonicalText(fields.Sensor, fields.CelsiusText, fields.AtText, fields.SeqText));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(fields.Sig.ToLowerInvariant())))
        {
            return (null, Refuse(entry, RefusalReasons.BadSignature, $"seq {fields.SeqText}"));
        }

        if (!(fields.Celsius >= options.MinCelsius && fields.Celsius <= options.MaxCelsius))
        {
            return (null, Refuse(entry, RefusalReasons.OutOfRange, $"{fields.CelsiusText} °C, seq {fields.SeqText}"));
        }

        if (at - fields.At > options.MaxReadingAge)
        {
            return (null, Refuse(entry, RefusalReasons.TooOld, $"measured {fields.AtText}, seq {fields.SeqText}"));
        }

        if (fields.At - at > options.MaxClockAhead)
        {
            return (null, Refuse(entry, RefusalReasons.FutureTime, $"measured {fields.AtText}, seq {fields.SeqText}"));
        }

        var last = lastSequences.GetValueOrDefault(entry.Id, -1);
        if (fields.Seq <= last && last - fields.Seq < options.ReorderWindow)
        {
            return (new AcceptedReading(entry, fields.Celsius, fields.At, fields.Seq, at, Late: true), null);
        }

        if (fields.Seq <= last)
        {
            return (null, Refuse(entry, RefusalReasons.Replayed, $"seq {fields.SeqText}, last accepted {last}"));
        }

        // A sequence far ahead would make every later reading look replayed: a counter and a clock in milliseconds since 1970 (the two
        // documented kinds) never run ahead of the time in milliseconds, nor, between two readings, by more than MaxSequenceJump.
        var ceiling = (at + options.MaxClockAhead).ToUnixTimeMilliseconds();
        if (fields.Seq > ceiling)
        {
            return (null, Refuse(entry, RefusalReasons.SequenceJump, $"seq {fields.SeqText} is beyond the time in milliseconds ({ceiling})"));
        }

        if (last >= 0 && fields.Seq - last > options.MaxSequenceJump)
        {
            return (null, Refuse(entry, RefusalReasons.SequenceJump,
                $"seq {fields.SeqText} is {fields.Seq - last} past the last accepted {last} (at most {options.MaxSequenceJump})"));
        }

        lastSequences[entry.Id] = fields.Seq;
        return (new AcceptedReading(entry, fields.Celsius, fields.At, fields.Seq, at), null);
    }

    /// <summary>The sensor code in a topic of the layout; null for any other topic.</summary>
    public static string? TopicCode(string topic)
    {
        if (!topic.StartsWith(TopicPrefix, StringComparison.Ordinal) || !topic.EndsWith(TopicSuffix, StringComparison.Ordinal)
            || topic.Length <= TopicPrefix.Length + TopicSuffix.Length)
        {
            return null;
        }

        var code = topic[TopicPrefix.Length..^TopicSuffix.Length];
        return code.Contains('/', StringComparison.Ordinal) ? null : code;
    }

    private static bool TryReadFields(byte[] payload, out Fields fields, out string problem)
    {
        fields = default;
        try
        {
            using var document = JsonDocument.Parse(payload, JsonLimits);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "not a JSON object";
                return false;
            }

            if (!String(root, "sensor", out var sensor, out problem) || !String(root, "at", out var atText, out problem)
                || !String(root, "sig", out var sig, out problem))
            {
                return false;
            }

            if (!root.TryGetProperty("celsius", out var celsius) || celsius.ValueKind != JsonValueKind.Number || !celsius.TryGetDouble(out var degrees)
                || !double.IsFinite(degrees))
            {
                problem = "celsius missing or not a number";
                return false;
            }

            if (!root.TryGetProperty("seq", out var seq) || seq.ValueKind != JsonValueKind.Number || !seq.TryGetInt64(out var sequence) || sequence < 0)
            {
                problem = "seq missing or not a whole number ≥ 0";
                return false;
            }

            if (!SensorService.SensorCode().IsMatch(sensor))
            {
                problem = "sensor is not a sensor id";
                return false;
            }

            if (!DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var measured)
                || !(atText.EndsWith('Z') || atText.Contains('+', StringComparison.Ordinal) || atText.LastIndexOf('-') > 10))
            {
                problem = "at is not an ISO 8601 time with Z or an offset";
                return false;
            }

            if (sig.Length != 64 || !sig.All(char.IsAsciiHexDigit))
            {
                problem = "sig is not 64 hex digits";
                return false;
            }

            fields = new Fields(sensor, degrees, celsius.GetRawText(), measured, atText, sequence, seq.GetRawText(), sig);
            problem = "";
            return true;
        }
        catch (JsonException ex)
        {
            problem = "not JSON: " + Clip(ex.Message, 120);
            return false;
        }
        catch (InvalidOperationException)
        {
            // Well-formed JSON whose strings are not valid UTF-8: System.Text.Json refuses to read them.
            problem = "a string is not valid UTF-8";
            return false;
        }
    }

    private static bool String(JsonElement root, string name, out string value, out string problem)
    {
        if (root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 and <= 100 } text)
        {
            value = text;
            problem = "";
            return true;
        }

        value = "";
        problem = $"{name} missing, empty, too long or not a string";
        return false;
    }

    private static string Clip(string text, int max = 300)
    {
        var printable = new string([.. text.Take(max).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > max ? printable[..(max - 1)] + "…" : printable;
    }

    private readonly record struct Fields(string Sensor, double Celsius, string CelsiusText, DateTimeOffset At, string AtText, long Seq, string SeqText,
        string Sig);
}
