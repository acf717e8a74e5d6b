using static Summit.Access.Core.Tests.AccessWorld;

namespace Summit.Access.Core.Tests;

public class DecoderFuzzTests
{
    private const string Characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcxyz01892 $%*+-./:\n\0é中";

    /// <summary>Random texts and mutations of a genuine credential: nothing throws, nothing but the original is admitted.</summary>
    [Fact]
    public void Fifty_thousand_random_and_mutated_inputs_never_throw_and_are_never_admitted()
    {
        var random = new Random(20261108);
        var genuine = Issue(Payload());
        var policy = Policy(rules: new ZoneRules([new(Venue, ZoneRule.Soft())]));
        var presence = new FakePresence();
        var decoded = 0;

        for (var i = 0; i < 50_000; i++)
        {
            var text = (i % 5) switch
            {
                0 => RandomText(random),
                1 => "S1" + RandomText(random, CredentialCodec.TextLength - 2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
                _ => Mutate(random, genuine),
            };
            if (text == genuine)
            {
                continue;
            }
            if (CredentialCodec.TryDecode(text, out _, out _))
            {
                decoded++;
            }
            var verdict = GateDecision.Decide(text, Local(9, 9), Entry(Venue), policy, presence);
            Assert.False(verdict.Admitted, $"admitted: {text}");
        }

        // The mutations must reach the signature check often, or the test only exercises the length check.
        Assert.True(decoded > 10_000, $"only {decoded} inputs decoded");
    }

    private static string RandomText(Random random, int? length = null, string alphabet = Characters)
    {
        var chars = new char[length ?? random.Next(0, 260)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }
        return new string(chars);
    }

    private static string Mutate(Random random, string text)
    {
        var chars = text.ToList();
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations; m++)
        {
            var position = random.Next(chars.Count);
            switch (random.Next(10))
            {
                case 0:
                    chars.Insert(position, Characters[random.Next(Characters.Length)]);
                    break;
                case 1:
                    chars.RemoveAt(position);
                    break;
                case 2:
                    var other = random.Next(chars.Count);
                    (chars[position], chars[other]) = (chars[other], chars[position]);
                    break;
                default:
                    // Mostly in-alphabet replacements, so the text still decodes and reaches the signature.
                    chars[position] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[random.Next(32)];
                    break;
            }
            if (chars.Count == 0)
            {
                chars.Add('S');
            }
        }
        return new string([.. chars]);
    }
}
