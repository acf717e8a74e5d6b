using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Access.Core.Sync;
using Summit.Faces.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Faces.Enrolment;
using Summit.Server.Faces.Settings;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Faces.Gate;

/// <summary>
/// The face templates a gate device checks offline (ADR 0037): of exactly the people its gate can admit (Access decides,
/// <see cref="IGateAdmissions"/>) who consented and are enrolled; none at a gate with faces off. Sealed for the device with a key
/// derived from its token (<see cref="FaceTemplateSeal"/>); the whole set every time it changed, so that whoever is missing from it is
/// deleted from the device at its next sync. Every set sent is audited (who, which gate, how many; never a template).
/// </summary>
public sealed class FaceGateSync(SummitDbContext db, IEventCalendar events, IGateAdmissions admissions, FaceTemplates templates,
    IOptionsMonitor<FacesOptions> options, AuditLog audit, TimeProvider clock)
{
    /// <summary>The set for the device's gate, or null when it is still the one tagged <paramref name="knownTag"/> (the device keeps it).</summary>
    public async Task<GateFacesDocument?> ForGateAsync(GateInfo gate, Guid deviceId, string deviceToken, string? knownTag, CancellationToken ct = default)
    {
        var summitEvent = await events.FindCurrentAsync(ct);
        var stored = summitEvent is null ? null : await FaceSettingsService.StoredAsync(db, summitEvent.Id, ct);
        var threshold = stored?.Threshold ?? options.CurrentValue.Threshold;
        var margin = stored?.Margin ?? options.CurrentValue.Margin;
        var facesOn = summitEvent is not null && !await db.Set<FaceGateSwitch>().AnyAsync(s => s.GateId == gate.Id, ct);
        var faceLane = await db.Set<FaceLane>().AnyAsync(l => l.GateId == gate.Id, ct);
        var liveness = await db.Set<FaceLivenessGate>().AnyAsync(l => l.GateId == gate.Id, ct);

        var people = new List<(Guid GuestId, bool FastLane, DateTimeOffset UpdatedAt, byte[] Template, GateAdmission Admission)>();
        if (facesOn)
        {
            // Enrolled means consenting: withdrawal deletes the row with its template.
            var enrolled = await db.Set<FaceEnrolment>().AsNoTracking()
                .Where(e => e.EventId == summitEvent!.Id && e.State == FaceEnrolmentState.Enrolled && e.EncryptedTemplate != null)
                .Select(e => new { e.GuestId, e.FastLane, e.UpdatedAt, e.EncryptedTemplate }).ToListAsync(ct);
            var fastLane = faceLane ? enrolled.Where(e => e.FastLane).Select(e => e.GuestId).ToHashSet() : [];
            var admissible = (await admissions.AdmissibleAsync(gate.Id, [.. enrolled.Select(e => e.GuestId)], fastLane, ct)).ToDictionary(a => a.HolderId);
            people.AddRange(enrolled.Where(e => admissible.ContainsKey(e.GuestId))
                .Select(e => (e.GuestId, fastLane.Contains(e.GuestId) && admissible[e.GuestId].Code is not null, e.UpdatedAt, e.EncryptedTemplate!,
                    admissible[e.GuestId]))
                .OrderBy(p => p.GuestId));
        }

        var tag = Tag(gate.Id, facesOn, faceLane, liveness, threshold, margin, people.Select(p => (p.GuestId, p.FastLane, p.UpdatedAt, p.Admission.CredentialId)));
        if (knownTag == tag)
        {
            return null;
        }

        var salt = FaceTemplateSeal.NewSalt();
        var key = FaceTemplateSeal.DeriveKey(deviceToken, salt);
        try
        {
            var sealedPeople = people.Select(p => new SealedFace(p.GuestId, p.FastLane, Convert.ToBase64String(
                FaceTemplateSeal.Seal(key, p.GuestId, gate.Id, templates.Unprotect(p.Template), p.FastLane ? p.Admission.Code : null)))).ToList();
            await audit.RecordAsync(FacesAudit.TemplatesSynced, "device", deviceId.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["gate"] = (null, gate.Code),
                ["templates"] = (null, sealedPeople.Count),
                ["faceLane"] = (null, sealedPeople.Count(p => p.FastLane)),
            });
            await db.SaveChangesAsync(ct);
            return new GateFacesDocument(tag, gate.Id, facesOn, faceLane, threshold, margin, Convert.ToBase64String(salt), clock.GetUtcNow(), sealedPeople,
                liveness);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>A digest of what the device would receive (not the templates: when each changed), so that an unchanged set is not sent again.</summary>
    private static string Tag(Guid gateId, bool facesOn, bool faceLane, bool liveness, double threshold, double margin,
        IEnumerable<(Guid GuestId, bool FastLane, DateTimeOffset UpdatedAt, Guid CredentialId)> people)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{gateId:N}|{facesOn}|{faceLane}|{liveness}|{threshold:R}|{margin:R}"));
        foreach (var (guestId, fastLane, updatedAt, credentialId) in people)
        {
            text.Append(CultureInfo.InvariantCulture, $"|{guestId:N},{fastLane},{updatedAt.UtcTicks},{credentialId:N}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
