using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Summit.Access.Core.Sync;
using Summit.Faces.Core;

namespace Summit.GateAgent;

/// <summary>
/// The synced face templates of the gate, as the decision reads them. They stay sealed in memory as on the disk: a template is opened
/// (AES-GCM, with the key derived from the device token and the set's salt) only for the holder of a code just admitted; the face lane's
/// gallery of VIPs is opened when the lane first searches and kept until the next set replaces it.
/// </summary>
internal sealed class LocalFaces
{
    /// <summary>More than any event's enrolled guests: a set beyond it is refused as not the server's.</summary>
    public const int MaxPeople = 100_000;

    private readonly byte[] _key;
    private readonly Dictionary<Guid, SealedFace> _byHolder;
    private FaceLaneGallery? _gallery;

    private LocalFaces(CachedFaces cached, byte[] key, Dictionary<Guid, SealedFace> byHolder)
    {
        Cached = cached;
        _key = key;
        _byHolder = byHolder;
    }

    public CachedFaces Cached { get; }

    public GateFacesDocument Document => Cached.Faces;

    public int Count => _byHolder.Count;

    public int FastLaneCount => _byHolder.Values.Count(p => p.FastLane);

    /// <summary>Checks a set (its bounds, and that every template opens with this device's key) before it replaces the last one.</summary>
    public static bool TryCreate(CachedFaces cached, string deviceToken, Guid gateId, [NotNullWhen(true)] out LocalFaces? faces, out string problem)
    {
        faces = null;
        var document = cached.Faces;
        var salt = new byte[FaceTemplateSeal.SaltLength];
        if (document.GateId != gateId)
        {
            problem = $"the set is for gate {document.GateId}, this device is at gate {gateId}";
            return false;
        }
        if (!(document.Threshold is > 0 and < 2) || !(document.Margin is >= 0 and < 2) || document.People.Count > MaxPeople)
        {
            problem = $"threshold {document.Threshold}, margin {document.Margin} or {document.People.Count} people out of bounds";
            return false;
        }
        if (!Convert.TryFromBase64String(document.Salt, salt, out var written) || written != salt.Length)
        {
            problem = "the salt is not 16 bytes of base64";
            return false;
        }

        var key = FaceTemplateSeal.DeriveKey(deviceToken, salt);
        var byHolder = new Dictionary<Guid, SealedFace>();
        foreach (var person in document.People)
        {
            if (!byHolder.TryAdd(person.HolderId, person) || Open(key, document.GateId, person) is null)
            {
                CryptographicOperations.ZeroMemory(key);
                problem = $"the template of {person.HolderId} is repeated or does not open with this device's key (a token replaced since?)";
                return false;
            }
        }

        faces = new LocalFaces(cached, key, byHolder);
        problem = "";
        return true;
    }

    /// <summary>Whether the holder consented and is enrolled, and can pass this gate (else the server would not have sent a template).</summary>
    public bool Has(Guid holderId) => _byHolder.ContainsKey(holderId);

    /// <summary>The holder's template, opened now; null without one.</summary>
    public FaceDescriptor? TemplateOf(Guid holderId) =>
        _byHolder.TryGetValue(holderId, out var person) ? Open(_key, Document.GateId, person)?.Descriptor : null;

    /// <summary>The face lane's VIPs (descriptor and the code the lane decides with), opened once per set.</summary>
    public FaceLaneGallery Gallery()
    {
        if (_gallery is { } gallery)
        {
            return gallery;
        }

        var opened = _byHolder.Values.Where(p => p.FastLane).Select(p => (p.HolderId, Opened: Open(_key, Document.GateId, p)))
            .Where(p => p.Opened?.Code is not null).ToList();
        _gallery = new FaceLaneGallery(FaceGallery<Guid>.Create(opened.Select(p => (p.HolderId, p.Opened!.Value.Descriptor))),
            opened.ToDictionary(p => p.HolderId, p => p.Opened!.Value.Code!));
        return _gallery;
    }

    /// <summary>Forgets the key (the set is being replaced or deleted).</summary>
    public void Forget() => CryptographicOperations.ZeroMemory(_key);

    private static (FaceDescriptor Descriptor, string? Code)? Open(byte[] key, Guid gateId, SealedFace person)
    {
        var bytes = new byte[(person.Sealed.Length * 3 / 4) + 3];
        if (person.Sealed.Length > 4096 || !Convert.TryFromBase64String(person.Sealed, bytes, out var written))
        {
            return null;
        }

        try
        {
            return FaceTemplateSeal.Open(key, person.HolderId, gateId, bytes.AsSpan(0, written));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
