namespace Summit.Tests.Demo;

/// <summary>The tests that share one demo server and its live morning (played once: it takes a while).</summary>
[CollectionDefinition(Name)]
public sealed class DemoLiveCollection : ICollectionFixture<DemoLiveFactory>
{
    public const string Name = "Demo live morning";
}
