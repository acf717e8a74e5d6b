namespace Summit.BrowserTests;

/// <summary>A guest with a photo and a credential in force.</summary>
public sealed record TestHolder(Guid GuestId, string LatinName, string OriginalName, string Code);
