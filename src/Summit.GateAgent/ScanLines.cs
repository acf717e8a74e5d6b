using System.Runtime.CompilerServices;
using System.Text;

namespace Summit.GateAgent;

/// <summary>
/// Splits scanner input into codes: a keyboard-wedge scanner types the code and Enter, so each line is one code. Only the line
/// terminator is removed (LF, CR or CR LF), nothing else: a code with a stray space is a bad code, not a good one. A line is
/// kept to <see cref="MaxLineBytes"/> bytes and the rest of it dropped, so endless input without a line break cannot exhaust
/// memory. Bytes that are not UTF-8 become U+FFFD (and then fail as a bad format, like any other garbage).
/// </summary>
public static class ScanLines
{
    /// <summary>Room for <see cref="AgentOptions.MaxCodeLength"/> characters of up to four UTF-8 bytes each.</summary>
    public const int MaxLineBytes = AgentOptions.MaxCodeLength * 4;

    public static async IAsyncEnumerable<string> ReadAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var buffer = new byte[4096];
        var line = new byte[MaxLineBytes];
        var length = 0;
        var afterCarriageReturn = false;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellation)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b == '\n' && afterCarriageReturn)
                {
                    afterCarriageReturn = false;
                    continue;
                }
                afterCarriageReturn = b == '\r';
                if (b is (byte)'\n' or (byte)'\r')
                {
                    yield return Encoding.UTF8.GetString(line, 0, length);
                    length = 0;
                }
                else if (length < line.Length)
                {
                    line[length++] = b;
                }
            }
        }
        if (length > 0)
        {
            yield return Encoding.UTF8.GetString(line, 0, length);
        }
    }

    /// <summary>Decides every non-empty line with the agent and writes its verdict line to <paramref name="verdicts"/>.</summary>
    /// <returns>How many scans were decided.</returns>
    public static async Task<int> ScanAllAsync(GateAgent agent, Stream input, TextWriter verdicts, CancellationToken cancellation = default)
    {
        var scans = 0;
        await foreach (var code in ReadAsync(input, cancellation))
        {
            // An empty line is an Enter without a code (a key pressed twice), not a scan.
            if (code.Length == 0)
            {
                continue;
            }
            var verdict = agent.Scan(code);
            await verdicts.WriteLineAsync(verdict.ToLine());
            await verdicts.FlushAsync(cancellation);
            scans++;
        }
        return scans;
    }
}
