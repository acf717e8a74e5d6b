namespace Summit.Server.Programme.Agenda;

/// <summary>
/// A session of the latest release a guest may add to their agenda (public data only), and whether it is in it already; for a session that
/// requires registration, the guest's registration (seated or waiting, with the place on the list) and the seats left.
/// </summary>
public sealed record AgendaOffer(
    Guid SessionId,
    string TitleEn,
    string TitleZh,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string RoomNameEn,
    string RoomNameZh,
    string VenueNameEn,
    string VenueNameZh,
    bool InAgenda,
    bool RegistrationRequired = false,
    RegistrationState? Registration = null,
    int? WaitingPosition = null,
    int SeatsLeft = 0);
