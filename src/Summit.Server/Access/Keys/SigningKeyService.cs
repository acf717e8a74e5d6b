using Microsoft.EntityFrameworkCore;
using NSec.Cryptography;
using Summit.Server.Access.Domain;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Access.Keys;

/// <summary>
/// The Ed25519 keys credentials are signed with. Private keys are encrypted at rest with the field protector and are
/// only ever decrypted in this process to sign; gates receive the public keys.
/// </summary>
public sealed class SigningKeyService(SummitDbContext db, FieldProtector protector, AccessSettingsService settings, AuditLog audit, TimeProvider clock)
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    public async Task<List<SigningKeyView>> ListAsync(CancellationToken ct = default)
    {
        var counts = await db.Credentials.Where(c => c.RevokedAt == null).GroupBy(c => c.KeyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var keys = await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.KeyId).ToListAsync(ct);
        return [.. keys.Select(k => new SigningKeyView((uint)k.KeyId, Convert.ToBase64String(k.PublicKey), k.Status, k.CreatedAt, k.RotatedOutAt,
            k.RetiredAt, counts.GetValueOrDefault(k.KeyId)))];
    }

    /// <summary>The key new credentials are signed with, created on first use. The caller disposes the returned key.</summary>
    public async Task<(uint KeyId, Key Key)> GetActiveAsync(CancellationToken ct = default)
    {
        var active = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Status == SigningKeyStatus.Active, ct)
            ?? await CreateAsync(ct);
        return ((uint)active.KeyId, Decrypt(active));
    }

    /// <summary>The key that signed earlier credentials (to print them again), or null when it no longer exists.</summary>
    public async Task<Key?> GetAsync(uint keyId, CancellationToken ct = default)
    {
        var key = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, ct);
        return key is null ? null : Decrypt(key);
    }

    /// <summary>Starts signing with a new key. The previous key stays valid, so badges already printed keep working.</summary>
    public async Task<SigningKeyView> RotateAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        foreach (var active in await db.SigningKeys.Where(k => k.Status == SigningKeyStatus.Active).ToListAsync(ct))
        {
            active.Status = SigningKeyStatus.Valid;
            active.RotatedOutAt = now;
        }

        var created = NewKey(await NextIdAsync(ct), now);
        db.SigningKeys.Add(created);
        await settings.PolicyChangedAsync(ct);
        await audit.RecordAsync(AuditActions.SigningKeyRotated, "signing_key", created.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return (await ListAsync(ct)).First(k => k.KeyId == created.KeyId);
    }

    /// <summary>
    /// Retires a key that no longer signs: every credential it signed is refused at the gates from their next sync.
    /// The active key cannot be retired; rotate first.
    /// </summary>
    public async Task<SigningKeyView> RetireAsync(uint keyId, CancellationToken ct = default)
    {
        var key = await db.SigningKeys.FirstOrDefaultAsync(k => k.KeyId == keyId, ct)
            ?? throw new SummitException(SummitError.NotFound(AccessErrors.SigningKeyNotFound, keyId));
        if (key.Status == SigningKeyStatus.Active)
        {
            throw new SummitException(SummitError.Conflict(AccessErrors.SigningKeyActive, keyId));
        }

        if (key.Status != SigningKeyStatus.Retired)
        {
            key.Status = SigningKeyStatus.Retired;
            key.RetiredAt = clock.GetUtcNow();
            await settings.PolicyChangedAsync(ct);
            await audit.RecordAsync(AuditActions.SigningKeyRetired, "signing_key", key.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
        }

        return (await ListAsync(ct)).First(k => k.KeyId == keyId);
    }

    private async Task<SigningKey> CreateAsync(CancellationToken ct)
    {
        var key = NewKey(await NextIdAsync(ct), clock.GetUtcNow());
        db.SigningKeys.Add(key);
        await settings.PolicyChangedAsync(ct);
        await audit.RecordAsync(AuditActions.SigningKeyRotated, "signing_key", key.KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two first issues at once: the other one created the key.
            db.ChangeTracker.Clear();
            return await db.SigningKeys.AsNoTracking().FirstAsync(k => k.Status == SigningKeyStatus.Active, ct);
        }

        return key;
    }

    private async Task<long> NextIdAsync(CancellationToken ct) => (await db.SigningKeys.MaxAsync(k => (long?)k.KeyId, ct) ?? 0) + 1;

    private SigningKey NewKey(long keyId, DateTimeOffset now)
    {
        using var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new SigningKey
        {
            KeyId = keyId,
            PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey),
            EncryptedPrivateKey = protector.Protect(key.Export(KeyBlobFormat.RawPrivateKey)),
            Status = SigningKeyStatus.Active,
            CreatedAt = now,
        };
    }

    private Key Decrypt(SigningKey key)
    {
        var raw = protector.Unprotect(key.EncryptedPrivateKey);
        try
        {
            return Key.Import(Ed25519, raw, KeyBlobFormat.RawPrivateKey);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(raw);
        }
    }
}
