using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Summit.Tests.Screening;

/// <summary>
/// MQTT 3.1.1 written byte by byte, as an attacker would: a client library never sends a packet header that announces more than
/// it then sends, so the tests of the broker's packet limit speak the protocol themselves.
/// </summary>
public sealed class RawMqtt : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawMqtt(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>Opens a TCP connection to the broker; no MQTT packet is sent yet.</summary>
    public static async Task<RawMqtt> OpenAsync(string host, int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(host, port);
        return new RawMqtt(tcp);
    }

    /// <summary>Sends CONNECT with these credentials (clean session) and returns the CONNACK's return code (0 = accepted).</summary>
    public async Task<int> ConnectAsync(string clientId, string username, string password)
    {
        var body = new List<byte> { 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0b1100_0010, 0, 60 };
        foreach (var text in new[] { clientId, username, password })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            body.Add((byte)(bytes.Length >> 8));
            body.Add((byte)bytes.Length);
            body.AddRange(bytes);
        }

        await SendHeaderAsync(0x10, body.Count);
        await _stream.WriteAsync(body.ToArray());
        var connack = new byte[4];
        await _stream.ReadExactlyAsync(connack).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return connack[3];
    }

    /// <summary>Sends a fixed header announcing a packet of <paramref name="remainingLength"/> bytes (0x30: PUBLISH at QoS 0).</summary>
    public async Task SendHeaderAsync(byte type, int remainingLength)
    {
        var header = new List<byte> { type };
        var length = remainingLength;
        do
        {
            var digit = (byte)(length % 128);
            length /= 128;
            header.Add(length > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (length > 0);

        await _stream.WriteAsync(header.ToArray());
    }

    /// <summary>
    /// Keeps sending body bytes until the broker closes the connection; true when it did so within <paramref name="within"/>
    /// (having taken fewer than <paramref name="maxBytes"/>), false when it went on reading.
    /// </summary>
    public async Task<bool> SendUntilClosedAsync(int maxBytes, TimeSpan within)
    {
        var chunk = new byte[16 * 1024];
        var clock = Stopwatch.StartNew();
        var sent = 0;
        try
        {
            while (sent < maxBytes && clock.Elapsed < within)
            {
                using var timeout = new CancellationTokenSource(within - clock.Elapsed);
                await _stream.WriteAsync(chunk, timeout.Token);
                sent += chunk.Length;
                if (_tcp.Client.Poll(0, SelectMode.SelectRead) && _tcp.Client.Available == 0)
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            return ex is not OperationCanceledException;
        }

        // Sent everything it would take: closed only if a read now says so.
        return await ClosedAsync(within - clock.Elapsed);
    }

    /// <summary>True when the broker closes the connection within <paramref name="within"/>.</summary>
    public async Task<bool> ClosedAsync(TimeSpan within)
    {
        try
        {
            using var timeout = new CancellationTokenSource(within > TimeSpan.Zero ? within : TimeSpan.FromMilliseconds(1));
            var buffer = new byte[64];
            while (true)
            {
                if (await _stream.ReadAsync(buffer, timeout.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
