using System.Buffers;

namespace Summit.Server.Screening.Ingestion;

/// <summary>Helpers to copy a broker payload once, refusing oversized ones without copying them.</summary>
public static class PayloadCopy
{
    public static (byte[] Bytes, bool Truncated) Of(ReadOnlySequence<byte> payload) =>
        payload.Length > SensorMessages.MaxPayloadBytes ? ([], true) : (payload.ToArray(), false);
}
