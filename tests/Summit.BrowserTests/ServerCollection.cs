namespace Summit.BrowserTests;

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<SummitServer>
{
    public const string Name = "Summit server";
}
