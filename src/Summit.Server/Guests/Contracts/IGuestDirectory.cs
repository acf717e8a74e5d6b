namespace Summit.Server.Guests.Contracts;

/// <summary>
/// The Guests module's surface for the other modules (Access, Operations): guest cards and photos, the two pipeline steps other
/// modules cause (accredited when a credential is issued, arrived at the first admitted entry), and the credential mail, since
/// the guest's address and language stay in this module.
/// </summary>
public interface IGuestDirectory
{
    Task<GuestCard?> FindAsync(Guid id, CancellationToken ct = default);

    Task<List<GuestCard>> GetCardsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default);

    /// <summary>The IANA time zone the guest chose to read times in (in the portal), or null: the event's (and for an unknown guest).</summary>
    Task<string?> TimeZoneOfAsync(Guid guestId, CancellationToken ct = default);

    Task<List<CategoryCard>> CategoriesAsync(Guid eventId, CancellationToken ct = default);

    /// <summary>The event's delegations by name.</summary>
    Task<List<DelegationCard>> DelegationsAsync(Guid eventId, CancellationToken ct = default);

    /// <summary>The number of guests per category and status (one grouped query, no personal data: not audited).</summary>
    Task<List<CategoryStatusCount>> CountByCategoryAndStatusAsync(Guid eventId, CancellationToken ct = default);

    /// <summary>The ids of the event's guests matching a selection, for batch operations (issue, print).</summary>
    Task<List<Guid>> SelectAsync(Guid eventId, Guid? categoryId, Guid? delegationId, IReadOnlyCollection<GuestStatus> statuses,
        CancellationToken ct = default);

    /// <summary>The decrypted photos of the guests that have one (for printing badges); every photo read is audited.</summary>
    Task<Dictionary<Guid, byte[]>> GetPhotosAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default);

    /// <summary>One guest's decrypted photo, or null; the read is audited.</summary>
    Task<byte[]?> GetPhotoJpegAsync(Guid id, CancellationToken ct = default);

    /// <summary>Queues the mail with a new credential's code, joining the caller's unit of work.</summary>
    /// <param name="replacesEarlier">A reissue: the mail says the earlier badge no longer works.</param>
    Task QueueCredentialMailAsync(Guid guestId, GuestPass pass, byte[] qrPng, bool replacesEarlier, CancellationToken ct = default);

    /// <summary>
    /// Queues a mail that another module writes to a guest, or to a delegation's liaison (<paramref name="compose"/>, given the recipient's
    /// language), since the address and the language stay in this module; false when there is nobody to tell (no such guest or
    /// delegation, a delegation without a liaison, no address). Joins the caller's unit of work.
    /// </summary>
    Task<bool> QueueNoticeAsync(Guid? guestId, Guid? delegationId, string kind, Func<string, GuestNoticeText> compose, CancellationToken ct = default);

    /// <summary>Moves an approved guest to Accredited (a credential was issued); other statuses are left alone. Joins the caller's unit of work.</summary>
    Task MarkAccreditedAsync(Guid guestId, CancellationToken ct = default);

    /// <summary>The guest's face-verification consent as it stands (no personal data: not audited); null for an unknown guest.</summary>
    Task<FaceConsentCard?> FaceConsentAsync(Guid guestId, CancellationToken ct = default);

    /// <summary>The face consents of several guests in one read (a bulk selection of at most a few hundred), by guest; unknown guests are left out.</summary>
    Task<Dictionary<Guid, FaceConsentCard>> FaceConsentsAsync(IReadOnlyCollection<Guid> guestIds, CancellationToken ct = default);

    /// <summary>
    /// Records the face consent a guest gave in person (to an accreditation officer at the desk), audited in the officer's name; the
    /// guest can withdraw it in the portal like one given there. Joins the caller's unit of work.
    /// </summary>
    Task RecordFaceConsentAsync(Guid guestId, CancellationToken ct = default);

    /// <summary>Moves accredited guests to Arrived (their first admitted entry). Joins the caller's unit of work.</summary>
    Task<int> MarkArrivedAsync(IReadOnlyCollection<Guid> guestIds, CancellationToken ct = default);
}
