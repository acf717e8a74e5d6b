using Summit.Access.Core.Fuzzing;
using static Summit.Access.Core.Tests.AccessWorld;

namespace Summit.Access.Core.Tests;

public class DecoderFuzzTests
{
    /// <summary>Random texts and mutations of two genuine credentials: nothing throws, nothing but the originals is admitted.</summary>
    [Fact]
    public void Fifty_thousand_random_and_mutated_inputs_never_throw_and_are_never_admitted()
    {
        var random = new Random(20261108);
        string[] genuine = [Issue(Payload()), Issue(Payload(category: PressCategory))];
        var policy = Policy(rules: new ZoneRules([new(Venue, ZoneRule.Soft())]));
        var presence = new FakePresence();
        var decoded = 0;

        for (var i = 0; i < 50_000; i++)
        {
            var text = CredentialFuzz.Make(CredentialFuzz.Kinds[i % CredentialFuzz.Kinds.Count], random, genuine);
            if (genuine.Contains(text))
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
}
