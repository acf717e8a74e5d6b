using NSec.Cryptography;
using QRCoder;
using static Summit.Access.Core.Tests.AccessWorld;

namespace Summit.Access.Core.Tests;

public class CredentialCodecTests
{
    private static readonly CredentialPayload Sample = new(
        1,
        Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
        EventId,
        PressCategory,
        ZoneSet.Of(VipLounge, 63),
        Local(8, 7, 30).ToUniversalTime(),
        Local(12, 23, 59).ToUniversalTime());

    [Fact]
    public void Round_trips_every_field()
    {
        var text = Issue(Sample);

        Assert.True(CredentialCodec.TryDecode(text, out var decoded, out var error));
        Assert.Equal(DecodeError.None, error);
        Assert.Equal(Sample, decoded);
        Assert.Equal(TimeSpan.Zero, decoded.ValidFrom.Offset);
    }

    [Fact]
    public void Text_is_S1_and_upper_case_Base32_of_123_bytes()
    {
        var text = Issue(Sample);

        Assert.Equal(123, CredentialCodec.BinaryLength);
        Assert.Equal(199, text.Length);
        Assert.Equal(CredentialCodec.TextLength, text.Length);
        Assert.StartsWith("S1", text, StringComparison.Ordinal);
        Assert.All(text[2..], c => Assert.Contains(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"));
    }

    [Fact]
    public void Byte_layout_is_the_documented_one()
    {
        var text = Issue(Sample);
        var bytes = new byte[CredentialCodec.BinaryLength];
        Assert.True(CredentialCodec.TryDecode(text, bytes, out _, out _));

        Assert.Equal(1, bytes[0]);
        Assert.Equal(new byte[] { 0, 0, 0, 1 }, bytes[1..5]);
        Assert.Equal(Convert.FromHexString("0f8fad5bd9cb469fa16570867728950e"), bytes[5..21]);
        Assert.Equal(Convert.FromHexString("7c9e6679742540de944be07fc1f90ae7"), bytes[21..37]);
        Assert.Equal(new byte[] { 0, 0, 0x07, 0xEA }, bytes[37..41]);
        Assert.Equal(new byte[] { 0, 2 }, bytes[41..43]);
        Assert.Equal(new byte[] { 0x80, 0, 0, 0, 0, 0, 0, 0x08 }, bytes[43..51]);
        var from = (uint)(Sample.ValidFrom - CredentialTime.Epoch).TotalMinutes;
        Assert.Equal(from, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(51)));
        Assert.True(SignatureAlgorithm.Ed25519.Verify(SigningKey.PublicKey, bytes.AsSpan(0, 59), bytes.AsSpan(59)));
    }

    [Fact]
    public void Verifies_with_the_key_of_its_key_id()
    {
        var bytes = new byte[CredentialCodec.BinaryLength];
        Assert.True(CredentialCodec.TryDecode(Issue(Sample), bytes, out var payload, out _));

        Assert.Equal(SignatureCheck.Valid, CredentialCodec.Verify(bytes, payload.KeyId, Keys));
        Assert.Equal(SignatureCheck.UnknownKey, CredentialCodec.Verify(bytes, 3, Keys));
        // Key 2 exists but did not sign this: a forgery, not a retired credential.
        Assert.Equal(SignatureCheck.BadSignature, CredentialCodec.Verify(bytes, 2, Keys));
    }

    [Fact]
    public void Every_single_bit_flip_of_the_binary_credential_is_refused()
    {
        var bytes = new byte[CredentialCodec.BinaryLength];
        Assert.True(CredentialCodec.TryDecode(Issue(Sample), bytes, out _, out _));
        var policy = Policy();
        var checkedFlips = 0;

        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            var flipped = (byte[])bytes.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            var verdict = GateDecision.Decide(CredentialCodec.ToText(flipped), Local(9, 10), Entry(Venue), policy, new FakePresence());
            Assert.False(verdict.Admitted, $"bit {bit} flipped was admitted");
            Assert.Null(verdict.Credential);
            checkedFlips++;
        }
        Assert.Equal(984, checkedFlips);
    }

    [Fact]
    public void Every_single_character_change_of_the_text_is_refused()
    {
        var text = Issue(Sample);
        var policy = Policy();
        const string replacements = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcdefghijklmnopqrstuvwxyz0189 =-+/.:";
        Assert.True(GateDecision.Decide(text, Local(9, 10), Entry(Venue), policy, new FakePresence()).Admitted);

        for (var position = 0; position < text.Length; position++)
        {
            foreach (var replacement in replacements)
            {
                if (replacement == text[position])
                {
                    continue;
                }
                var changed = string.Concat(text.AsSpan(0, position), [replacement], text.AsSpan(position + 1));
                var verdict = GateDecision.Decide(changed, Local(9, 10), Entry(Venue), policy, new FakePresence());
                Assert.False(verdict.Admitted, $"'{replacement}' at {position} was admitted");
            }
        }
    }

    [Fact]
    public void The_last_character_has_no_second_spelling()
    {
        // 123 bytes leave one padding bit in the last character; setting it must not decode to the same credential.
        var text = Issue(Sample);
        var last = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(text[^1], StringComparison.Ordinal);
        var twin = text[..^1] + "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[last ^ 1];

        Assert.False(CredentialCodec.TryDecode(twin, out _, out var error));
        Assert.Equal(DecodeError.BadCharacter, error);
    }

    [Theory]
    [InlineData("", DecodeError.BadPrefix)]
    [InlineData("S", DecodeError.BadPrefix)]
    [InlineData("X1AAAA", DecodeError.BadPrefix)]
    [InlineData("SA", DecodeError.BadPrefix)]
    [InlineData("S2AAAA", DecodeError.UnsupportedVersion)]
    [InlineData("S1AAAA", DecodeError.BadLength)]
    public void Reports_why_a_text_is_not_a_credential(string text, DecodeError expected)
    {
        Assert.False(CredentialCodec.TryDecode(text, out var payload, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(default, payload);
    }

    [Fact]
    public void Refuses_surrounding_whitespace_and_lower_case()
    {
        var text = Issue(Sample);

        Assert.False(CredentialCodec.TryDecode(text + "\n", out _, out var trailing));
        Assert.Equal(DecodeError.BadLength, trailing);
        Assert.False(CredentialCodec.TryDecode("S1" + text[2..].ToLowerInvariant(), out _, out var lower));
        Assert.Equal(DecodeError.BadCharacter, lower);
    }

    [Fact]
    public void Refuses_a_wrong_version_byte_and_an_impossible_validity_window_even_if_signed()
    {
        var bytes = new byte[CredentialCodec.BinaryLength];
        CredentialCodec.WritePayload(Sample, bytes);
        bytes[0] = 2;
        SignatureAlgorithm.Ed25519.Sign(SigningKey, bytes.AsSpan(0, CredentialCodec.SignedLength), bytes.AsSpan(CredentialCodec.SignedLength));
        Assert.False(CredentialCodec.TryDecode(CredentialCodec.ToText(bytes), out _, out var version));
        Assert.Equal(DecodeError.UnsupportedVersion, version);

        CredentialCodec.WritePayload(Sample, bytes);
        bytes.AsSpan(51, 4).CopyTo(bytes.AsSpan(55, 4));
        SignatureAlgorithm.Ed25519.Sign(SigningKey, bytes.AsSpan(0, CredentialCodec.SignedLength), bytes.AsSpan(CredentialCodec.SignedLength));
        Assert.False(CredentialCodec.TryDecode(CredentialCodec.ToText(bytes), out _, out var window));
        Assert.Equal(DecodeError.BadValidity, window);

        // uint32 minutes reach past year 9999, which DateTimeOffset cannot hold: refused, not thrown.
        CredentialCodec.WritePayload(Sample, bytes);
        bytes.AsSpan(55, 4).Fill(0xFF);
        SignatureAlgorithm.Ed25519.Sign(SigningKey, bytes.AsSpan(0, CredentialCodec.SignedLength), bytes.AsSpan(CredentialCodec.SignedLength));
        Assert.False(CredentialCodec.TryDecode(CredentialCodec.ToText(bytes), out _, out var farFuture));
        Assert.Equal(DecodeError.BadValidity, farFuture);
    }

    [Fact]
    public void Encoding_refuses_what_the_format_cannot_carry()
    {
        Assert.Throws<ArgumentException>(() => Issue(Sample with { ValidFrom = Sample.ValidFrom.AddSeconds(1) }));
        Assert.Throws<ArgumentException>(() => Issue(Sample with { ValidFrom = CredentialTime.Epoch.AddMinutes(-1) }));
        Assert.Throws<ArgumentException>(() => Issue(Sample with { ValidUntil = Sample.ValidFrom }));
        using var other = Key.Create(KeyAgreementAlgorithm.X25519);
        Assert.Throws<ArgumentException>(() => CredentialCodec.Encode(Sample, other));
    }

    [Fact]
    public void A_credential_fits_QR_version_8_at_error_correction_M_in_alphanumeric_mode()
    {
        var text = Issue(Sample with { ExtraZones = new ZoneSet(ulong.MaxValue), ValidUntil = CredentialTime.Max });

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);

        // 199 alphanumeric characters: version 7-M holds 178, version 8-M holds 221.
        Assert.Equal(8, data.Version);
    }
}
