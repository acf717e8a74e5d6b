namespace Summit.Server.Privacy;

/// <summary>A person the purge leaves alone, with the reasons in the reader's language.</summary>
public sealed record HeldPersonView(Guid PersonId, string DisplayName, IReadOnlyList<HoldView> Reasons);
