namespace Summit.Server.Screening.Contracts;

/// <summary>Why a message was refused: stable words, stored with the counts and shown on the sensor page.</summary>
public static class RefusalReasons
{
    public const string TooLarge = "too-large";
    public const string Malformed = "malformed";
    public const string TopicMismatch = "topic-mismatch";
    public const string UnknownSensor = "unknown-sensor";
    public const string RevokedSensor = "revoked-sensor";
    public const string BadSignature = "bad-signature";
    public const string OutOfRange = "out-of-range";
    public const string TooOld = "too-old";
    public const string FutureTime = "future-time";
    public const string Replayed = "replayed";
    public const string SequenceJump = "sequence-jump";
    public const string ForeignTopic = "foreign-topic";
    public const string PacketTooLarge = "packet-too-large";

    public static readonly IReadOnlyList<string> All =
        [TooLarge, Malformed, TopicMismatch, UnknownSensor, RevokedSensor, BadSignature, OutOfRange, TooOld, FutureTime, Replayed, SequenceJump,
        ForeignTopic, PacketTooLarge];
}
