namespace Summit.Server.Screening.Ingestion;

/// <summary>
/// Follows the MQTT packets going through a connection (fixed header: one byte, then the remaining length in one to four bytes) and
/// ends the stream at the length of one whose whole size would be over the limit, before the reader has seen that length: so an
/// announced 250 MB publish costs a few bytes, not 250 MB. Every byte passes through <see cref="Follow"/>, so the check holds
/// however the reader sizes its reads.
/// </summary>
internal sealed class PacketLimitStream(Stream inner, int maxPacketBytes, Func<long, ValueTask> refused) : Stream
{
    private const int MaxLengthBytes = 4;

    private Part _part = Part.Type;
    private long _remaining;
    private long _multiplier = 1;
    private int _lengthBytes;
    private long _bodyLeft;
    private bool _ended;

    private enum Part
    {
        Type,
        Length,
        Body,
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_ended)
        {
            return 0;
        }

        var read = await inner.ReadAsync(buffer, cancellationToken);
        if (Follow(buffer.Span[..read]) is { } announced)
        {
            _ended = true;
            await refused(announced);
            return 0;
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Moves through the bytes just read; returns the announced size of a packet over the limit, or null while all are within it.</summary>
    private long? Follow(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            switch (_part)
            {
                case Part.Type:
                    i++;
                    (_part, _remaining, _multiplier, _lengthBytes) = (Part.Length, 0, 1, 0);
                    break;
                case Part.Length:
                    var digit = bytes[i++];
                    _remaining += (digit & 0x7F) * _multiplier;
                    _multiplier *= 128;
                    _lengthBytes++;
                    if ((digit & 0x80) != 0)
                    {
                        // A fifth length byte is not MQTT: such a length is at least 2^28 bytes, which is over any limit.
                        if (_lengthBytes == MaxLengthBytes)
                        {
                            return 1 + _lengthBytes + _remaining + _multiplier;
                        }

                        break;
                    }

                    // The length is complete: the reader has not seen its last byte yet, so it has allocated nothing for the body.
                    if (1 + _lengthBytes + _remaining > maxPacketBytes)
                    {
                        return 1 + _lengthBytes + _remaining;
                    }

                    _bodyLeft = _remaining;
                    _part = _bodyLeft == 0 ? Part.Type : Part.Body;
                    break;
                default:
                    var take = (int)Math.Min(_bodyLeft, bytes.Length - i);
                    i += take;
                    _bodyLeft -= take;
                    if (_bodyLeft == 0)
                    {
                        _part = Part.Type;
                    }

                    break;
            }
        }

        return null;
    }
}
