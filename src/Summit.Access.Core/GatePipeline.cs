namespace Summit.Access.Core;

/// <summary>
/// An ordered pipeline of checks. Decoding and the signature come first and are fixed (the checks need a genuine
/// credential); then each check runs in order and the first refusal wins. New checks (face match)
/// are added by building a pipeline with a longer list, leaving the existing checks untouched.
/// </summary>
public sealed class GatePipeline
{
    private readonly IGateCheck[] _checks;

    public GatePipeline(IEnumerable<IGateCheck> checks)
    {
        _checks = [.. checks];
    }

    public IReadOnlyList<IGateCheck> Checks => _checks;

    /// <summary>Decides one scan. Pure: reads the policy and presence, changes nothing, never throws on any text.</summary>
    /// <param name="scannedText">The code as scanned, without the scanner's line terminator.</param>
    /// <param name="face">The lane's frame compared with the holder's template, for a face check among the checks.</param>
    public Verdict Decide(ReadOnlySpan<char> scannedText, DateTimeOffset now, in Gate gate, AccessPolicy policy, IPresenceState presence,
        FaceComparison? face = null)
    {
        Span<byte> bytes = stackalloc byte[CredentialCodec.BinaryLength];
        if (!CredentialCodec.TryDecode(scannedText, bytes, out var credential, out _))
        {
            return new Verdict(ReasonCode.BadFormat, null);
        }
        var signature = CredentialCodec.Verify(bytes, credential.KeyId, policy.Keys);
        return signature == SignatureCheck.Valid
            ? Check(credential, now, gate, policy, presence, face)
            : new Verdict(ReasonOf(signature), signature == SignatureCheck.RetiredKey ? credential : null);
    }

    /// <summary>
    /// Runs the checks on a credential whose signature the caller has verified as <see cref="SignatureCheck.Valid"/>
    /// (the server verifies once to find the presence rows to lock, then decides).
    /// </summary>
    /// <param name="face">The lane's frame compared with the holder's template, for a face check among the checks.</param>
    public Verdict Check(in CredentialPayload credential, DateTimeOffset now, in Gate gate, AccessPolicy policy, IPresenceState presence,
        FaceComparison? face = null)
    {
        var scan = new ScanContext(credential, now, gate, policy, presence, face);
        var outcome = ReasonCode.Admitted;
        foreach (var check in _checks)
        {
            var reason = check.Check(scan);
            if (reason == ReasonCode.AdmittedWithAlert)
            {
                outcome = reason;
            }
            else if (reason != ReasonCode.Admitted)
            {
                return new Verdict(reason, credential);
            }
        }
        return new Verdict(outcome, credential);
    }

    /// <summary>The refusal for a signature that is not valid; <see cref="ReasonCode.Admitted"/> for a valid one (the checks decide).</summary>
    public static ReasonCode ReasonOf(SignatureCheck signature) => signature switch
    {
        SignatureCheck.Valid => ReasonCode.Admitted,
        SignatureCheck.UnknownKey => ReasonCode.UnknownKey,
        SignatureCheck.RetiredKey => ReasonCode.RetiredKey,
        _ => ReasonCode.BadSignature,
    };
}
