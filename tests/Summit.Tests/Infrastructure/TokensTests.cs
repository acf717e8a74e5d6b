using System.Security.Cryptography;
using System.Text;
using Summit.Server.Infrastructure.Security;

namespace Summit.Tests.Infrastructure;

public class TokensTests
{
    [Fact]
    public void A_token_carries_256_bits_in_url_safe_characters()
    {
        var token = Tokens.NewToken();
        // 32 bytes in base64url without padding.
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(token, Uri.EscapeDataString(token));
    }

    [Fact]
    public void Tokens_do_not_repeat()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => Tokens.NewToken()).ToList();
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Only_a_hash_of_the_token_is_kept()
    {
        var token = Tokens.NewToken();
        var hash = Tokens.Hash(token);
        Assert.Matches("^[0-9A-F]{64}$", hash);
        Assert.Equal(hash, Tokens.Hash(token));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))), hash);
        Assert.NotEqual(hash, Tokens.Hash(Tokens.NewToken()));
        Assert.DoesNotContain(token, hash, StringComparison.OrdinalIgnoreCase);
    }
}
