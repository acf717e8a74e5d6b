namespace Summit.BrowserTests;

/// <summary>A body-temperature sensor enrolled on a test lane, with the secret it signs and logs in with.</summary>
public sealed record TestSensor(Guid Id, string Code, string Secret);
