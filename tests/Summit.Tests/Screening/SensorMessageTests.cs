using System.Text;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Screening;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Sensors;

namespace Summit.Tests.Screening;

/// <summary>The payload checks on their own: the signature over the fields' text, and hostile input that must never throw.</summary>
public sealed class SensorMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 1, 2, 3, TimeSpan.Zero);
    private const string Secret = "sss_test-secret";
    private static readonly SensorEntry Sensor = new(Guid.NewGuid(), Guid.NewGuid(), "IR-A1-1", Guid.NewGuid(), Encoding.UTF8.GetBytes(Secret), false);
    private static readonly Dictionary<string, SensorEntry> Sensors = new() { [Sensor.Code] = Sensor };

    private static (AcceptedReading? Reading, RefusedMessage? Refusal) Check(string payload, Dictionary<Guid, long>? sequences = null) =>
        SensorMessages.Check(new SensorMessage(SensorMessages.TopicFor(Sensor.Code), Encoding.UTF8.GetBytes(payload), Now), Sensors, sequences ?? [],
            new ScreeningOptions());

    [Fact]
    public void The_documented_example_verifies()
    {
        // docs/screening/mqtt.md signs this text with the secret "sss_test-secret".
        const string canonical = "IR-A1-1|36.7|2026-11-30T01:02:03Z|17";
        var sig = SensorMessages.Sign(Encoding.UTF8.GetBytes(Secret), canonical);
        Assert.Equal("a57fae97aae092d7c2ba7b56f55b5ac8db46982783aaa4b06a0d49189b164f0e", sig);
        var payload = $"{{\"sensor\":\"IR-A1-1\",\"celsius\":36.7,\"at\":\"2026-11-30T01:02:03Z\",\"seq\":17,\"sig\":\"{sig}\"}}";
        var (reading, refusal) = Check(payload);
        Assert.Null(refusal);
        Assert.Equal(36.7, reading!.Celsius);
        Assert.Equal(17, reading.Sequence);
        Assert.Equal(Now, reading.MeasuredAt);
    }

    [Fact]
    public void The_signature_covers_the_fields_as_written()
    {
        var payload = SensorMessages.Payload(Sensor.Code, Secret, 36.7, Now, 5);
        Assert.Null(Check(payload).Refusal);
        // The same value written differently is another text: the sensor signs what it sends.
        Assert.Equal(RefusalReasons.BadSignature, Check(payload.Replace("36.7", "36.70", StringComparison.Ordinal)).Refusal!.Reason);
        Assert.Equal(RefusalReasons.BadSignature, Check(payload.Replace("\"seq\":5", "\"seq\":6", StringComparison.Ordinal)).Refusal!.Reason);
    }

    [Fact]
    public void Sequences_must_grow()
    {
        var sequences = new Dictionary<Guid, long>();
        Assert.Null(Check(SensorMessages.Payload(Sensor.Code, Secret, 36.7, Now, 5), sequences).Refusal);
        Assert.Equal(RefusalReasons.Replayed, Check(SensorMessages.Payload(Sensor.Code, Secret, 36.7, Now, 5), sequences).Refusal!.Reason);
        Assert.Equal(RefusalReasons.Replayed, Check(SensorMessages.Payload(Sensor.Code, Secret, 36.7, Now, 4), sequences).Refusal!.Reason);
        Assert.Null(Check(SensorMessages.Payload(Sensor.Code, Secret, 36.7, Now, 6), sequences).Refusal);
    }

    [Fact]
    public void A_reading_just_below_the_last_counts_as_late_inside_the_reorder_window_only()
    {
        var options = new ScreeningOptions { ReorderWindow = 10 };
        var sequences = new Dictionary<Guid, long> { [Sensor.Id] = 20 };
        (AcceptedReading? Reading, RefusedMessage? Refusal) At(long seq) =>
            SensorMessages.Check(new SensorMessage(SensorMessages.TopicFor(Sensor.Code), Encoding.UTF8.GetBytes(SensorMessages.Payload(Sensor.Code,
                Secret, 36.7, Now, seq)), Now), Sensors, sequences, options);

        Assert.True(At(15).Reading!.Late);
        Assert.True(At(20).Reading!.Late);
        Assert.Equal(RefusalReasons.Replayed, At(10).Refusal!.Reason);
        Assert.Equal(20, sequences[Sensor.Id]);
        Assert.False(At(21).Reading!.Late);
        Assert.Equal(21, sequences[Sensor.Id]);
        Assert.Equal(RefusalReasons.Replayed, Check(SensorMessages.Payload(Sensor.Code, Secret, 36.7, Now, 15), sequences).Refusal!.Reason);
    }

    [Fact]
    public void Sequences_may_not_jump_far_ahead_nor_beyond_the_time_in_milliseconds()
    {
        var options = new ScreeningOptions { MaxSequenceJump = 1000 };
        var nowMs = Now.ToUnixTimeMilliseconds();
        var aheadMs = (long)options.MaxClockAhead.TotalMilliseconds;
        (AcceptedReading?, RefusedMessage?) CheckWith(Dictionary<Guid, long> sequences, long seq) =>
            SensorMessages.Check(new SensorMessage(SensorMessages.TopicFor(Sensor.Code), Encoding.UTF8.GetBytes(SensorMessages.Payload(Sensor.Code, Secret,
                36.7, Now, seq)), Now), Sensors, sequences, options);

        // A first reading may be a counter or the time in milliseconds, but not beyond that time.
        Assert.Equal(RefusalReasons.SequenceJump, CheckWith([], long.MaxValue).Item2!.Reason);
        Assert.Equal(RefusalReasons.SequenceJump, CheckWith([], nowMs + aheadMs + 1).Item2!.Reason);
        Assert.Null(CheckWith([], nowMs + aheadMs).Item2);
        Assert.Null(CheckWith([], 1).Item2);

        // After one, at most MaxSequenceJump further.
        var sequences = new Dictionary<Guid, long> { [Sensor.Id] = 10 };
        Assert.Equal(RefusalReasons.SequenceJump, CheckWith(sequences, 1011).Item2!.Reason);
        Assert.Equal(10, sequences[Sensor.Id]);
        Assert.Null(CheckWith(sequences, 1010).Item2);
        Assert.Equal(1010, sequences[Sensor.Id]);
    }

    [Fact]
    public void What_summits_broker_knows_of_the_publisher_is_checked_first()
    {
        var payload = Encoding.UTF8.GetBytes(SensorMessages.Payload(Sensor.Code, Secret, 36.7, Now, 5));
        var foreign = SensorMessages.Check(new SensorMessage(SensorMessages.TopicFor(Sensor.Code), payload, Now, Publisher: "IR-OTHER"), Sensors, [],
            new ScreeningOptions()).Refusal!;
        Assert.Equal(RefusalReasons.ForeignTopic, foreign.Reason);
        Assert.Equal(SensorRefusalCount.UnknownKey, foreign.SensorKey);
        Assert.Null(SensorMessages.Check(new SensorMessage(SensorMessages.TopicFor(Sensor.Code), payload, Now, Publisher: Sensor.Code), Sensors, [],
            new ScreeningOptions()).Refusal);

        var packet = SensorMessages.Check(SensorMessage.RefusedPacket(new PacketRefusal(Sensor.Code, "127.0.0.1:5000", 250_000_000, 4096), Now), Sensors,
            [], new ScreeningOptions()).Refusal!;
        Assert.Equal(RefusalReasons.PacketTooLarge, packet.Reason);
        Assert.Equal(Sensor.Id, packet.SensorId);
        Assert.Contains("250,000,000", packet.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_refusal_reason_and_screening_error_has_its_text_in_both_languages()
    {
        var localizer = new Localizer();
        var keys = new[] { Localizer.English, Localizer.Chinese }.Select(language => localizer.Keys(language).ToHashSet()).ToList();
        var missing = RefusalReasons.All.Select(r => $"screening.reason.{r}").Concat(ScreeningErrors.All.Select(code => $"error.{code}"))
            .Where(key => keys.Any(k => !k.Contains(key))).ToList();
        Assert.True(missing.Count == 0, "Missing in a catalog: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("summit/v1/sensors/IR-A1-1/readings", "IR-A1-1")]
    [InlineData("summit/v1/sensors//readings", null)]
    [InlineData("summit/v1/sensors/a/b/readings", null)]
    [InlineData("summit/v2/sensors/IR-A1-1/readings", null)]
    [InlineData("other", null)]
    public void Topics_name_one_sensor(string topic, string? code) => Assert.Equal(code, SensorMessages.TopicCode(topic));

    [Fact]
    public void Random_and_mutated_payloads_are_refused_without_throwing()
    {
        var random = new Random(2026);
        var good = Encoding.UTF8.GetBytes(SensorMessages.Payload(Sensor.Code, Secret, 36.7, Now, 5));
        for (var i = 0; i < 5000; i++)
        {
            byte[] payload;
            if (i % 2 == 0)
            {
                payload = new byte[random.Next(0, 300)];
                random.NextBytes(payload);
            }
            else
            {
                payload = (byte[])good.Clone();
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    payload[random.Next(payload.Length)] = (byte)random.Next(256);
                }
            }

            var (reading, refusal) = SensorMessages.Check(new SensorMessage(SensorMessages.TopicFor(Sensor.Code), payload, Now), Sensors, [], new ScreeningOptions());
            Assert.True((reading is null) != (refusal is null));
            if (refusal is not null)
            {
                Assert.Contains(refusal.Reason, RefusalReasons.All);
                Assert.True(refusal.Detail.Length <= 300);
            }
        }
    }
}
