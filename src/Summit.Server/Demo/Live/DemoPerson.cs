namespace Summit.Server.Demo.Live;

/// <summary>Someone the live demo may move: a credential holder of the demo event, with their category.</summary>
/// <param name="Key">A stable key (the guest's e-mail) that orders people the same way on every run.</param>
/// <param name="Arrived">Already on site (arrived before the demo was made): they do not arrive again, they go to the halls.</param>
public sealed record DemoPerson(Guid GuestId, string Key, string Code, string Category, bool Arrived);
