namespace Summit.Tests.Infrastructure.Cluster;

/// <summary>The multi-node tests share one cluster of two server processes and a balancer (starting it takes a while).</summary>
[CollectionDefinition(Name)]
public sealed class TwoNodeCollection : ICollectionFixture<TwoNodeCluster>
{
    public const string Name = "Two server processes behind HAProxy";
}
