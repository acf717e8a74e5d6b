namespace Summit.Server.Infrastructure.Modules;

/// <summary>Who sees a navigation entry.</summary>
public enum NavigationAudience
{
    /// <summary>Everyone, signed in or not.</summary>
    Anyone,

    /// <summary>Anyone signed in.</summary>
    SignedIn,

    /// <summary>The roles of the entry's policy.</summary>
    Policy,
}
