using Summit.Tests.Access;

namespace Summit.Tests.Infrastructure;

/// <summary>The test venue served by Kestrel on a free port: request size limits are the real server's, which the in-memory test server does not enforce.</summary>
public sealed class KestrelAccessFactory : AccessFactory
{
    public KestrelAccessFactory()
    {
        UseKestrel(0);
    }
}
