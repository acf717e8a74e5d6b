using System.Text;

namespace Summit.Access.Core.Tests;

public class Base32Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Matches_the_RFC_4648_vectors_without_padding(string plain, string encoded)
    {
        var bytes = Encoding.ASCII.GetBytes(plain);
        var chars = new char[Base32.EncodedLength(bytes.Length)];
        Base32.Encode(bytes, chars);
        Assert.Equal(encoded, new string(chars));

        var decoded = new byte[bytes.Length];
        Assert.True(Base32.TryDecode(encoded, decoded));
        Assert.Equal(bytes, decoded);
    }

    [Theory]
    [InlineData("mzxw6ytboi")]
    [InlineData("MZXW6YTBO1")]
    [InlineData("MZXW6YTBO=")]
    [InlineData("MZXW6YTBOJ")]
    [InlineData("MZXW6YTBO")]
    public void Refuses_lower_case_foreign_characters_padding_bits_and_wrong_lengths(string text)
    {
        Assert.False(Base32.TryDecode(text, new byte[6]));
    }
}
