namespace Summit.Server.Programme;

/// <summary>Where a guest's registration for a session stands. Stored: never renumber.</summary>
public enum RegistrationState
{
    /// <summary>A seat is held for the guest.</summary>
    Seated = 1,

    /// <summary>On the waiting list, first come first served: a cancelled seat goes to the first waiting guest.</summary>
    Waiting = 2,
}
