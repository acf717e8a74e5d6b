using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Summit.Server.Infrastructure.Security;

namespace Summit.Tests.Infrastructure;

public class FieldProtectorTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private readonly FieldProtector _protector = new(Key);

    [Theory]
    [InlineData("")]
    [InlineData("E12345678")]
    [InlineData("王小明 · عبد الله · Фёдор · 👩‍💻")]
    public void A_value_comes_back_as_it_went_in(string value) =>
        Assert.Equal(value, _protector.UnprotectString(_protector.ProtectString(value)));

    [Fact]
    public void A_photo_sized_value_comes_back_intact()
    {
        var photo = RandomNumberGenerator.GetBytes(300_000);
        Assert.Equal(photo, _protector.Unprotect(_protector.Protect(photo)));
    }

    [Fact]
    public void The_ciphertext_does_not_contain_the_plaintext()
    {
        var secret = Encoding.UTF8.GetBytes("PASSPORT-E12345678");
        Assert.Equal(-1, _protector.Protect(secret).AsSpan().IndexOf(secret));
    }

    [Theory]
    [InlineData(5)]   // inside the nonce
    [InlineData(20)]  // inside the authentication tag
    [InlineData(-1)]  // the last byte of the ciphertext
    public void Any_changed_byte_is_detected(int position)
    {
        var protectedValue = _protector.ProtectString("E12345678");
        var index = position >= 0 ? position : protectedValue.Length + position;
        protectedValue[index] ^= 0x01;
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(protectedValue));
    }

    [Fact]
    public void A_shortened_or_foreign_value_is_refused()
    {
        var protectedValue = _protector.ProtectString("E12345678");
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(protectedValue[..^1]));
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(protectedValue[..20]));
        protectedValue[0] = 2;
        Assert.ThrowsAny<CryptographicException>(() => _protector.Unprotect(protectedValue));
    }

    [Fact]
    public void Another_key_cannot_read_the_value()
    {
        var other = new FieldProtector(RandomNumberGenerator.GetBytes(32));
        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect(_protector.ProtectString("E12345678")));
    }

    [Fact]
    public void Each_protection_uses_a_fresh_nonce()
    {
        var values = Enumerable.Range(0, 100).Select(_ => _protector.ProtectString("E12345678")).ToList();
        Assert.Equal(100, values.Select(v => Convert.ToHexString(v, 1, 12)).Distinct().Count());
        Assert.Equal(100, values.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void The_lookup_hash_is_stable_and_depends_on_the_key()
    {
        var hash = _protector.LookupHash("E12345678");
        Assert.Matches("^[0-9A-F]{64}$", hash);
        Assert.Equal(hash, _protector.LookupHash("E12345678"));
        Assert.Equal(hash, new FieldProtector(Key).LookupHash("E12345678"));
        Assert.NotEqual(hash, _protector.LookupHash("E12345679"));
        Assert.NotEqual(hash, new FieldProtector(RandomNumberGenerator.GetBytes(32)).LookupHash("E12345678"));
        // Keyed: not the plain SHA-256 anyone could compute from a guessed number.
        Assert.NotEqual(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("E12345678"))), hash);
    }

    [Theory]
    [InlineData("e 123-45", "E12345")]
    [InlineData(" E12345 ", "E12345")]
    [InlineData("g.123.456/7", "G1234567")]
    public void Document_numbers_are_normalized(string typed, string normalized) =>
        Assert.Equal(normalized, FieldProtector.NormalizeDocumentNumber(typed));

    [Theory]
    [InlineData("E12345678", "••••••678")]
    [InlineData("1234", "•234")]
    [InlineData("123", "•••")]
    [InlineData("", "")]
    public void Masking_shows_only_the_last_three_characters(string value, string masked) =>
        Assert.Equal(masked, FieldProtector.MaskDocumentNumber(value));

    [Fact]
    public void A_key_of_the_wrong_length_is_refused() =>
        Assert.Throws<ArgumentException>(() => new FieldProtector(new byte[16]));

    [Fact]
    public void The_key_file_is_created_once_and_reused()
    {
        var directory = Path.Combine(Path.GetTempPath(), "summit-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var configuration = new ConfigurationBuilder().Build();
            var first = FieldProtector.FromConfiguration(configuration, directory);
            var keyFile = Path.Combine(directory, "keys", "data.key");
            Assert.True(File.Exists(keyFile));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }

            var second = FieldProtector.FromConfiguration(configuration, directory);
            Assert.Equal("E12345678", second.UnprotectString(first.ProtectString("E12345678")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_configured_key_wins_over_the_key_file()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Summit:DataKey"] = Convert.ToBase64String(Key) }).Build();
        var configured = FieldProtector.FromConfiguration(configuration, Path.Combine(Path.GetTempPath(), "summit-unused-" + Guid.NewGuid().ToString("N")));
        Assert.Equal("E12345678", _protector.UnprotectString(configured.ProtectString("E12345678")));
    }
}
