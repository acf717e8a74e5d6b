using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Security;
using Summit.Tests.Access;

namespace Summit.Tests.Infrastructure;

/// <summary>
/// The keys behind sign-in tokens and cookies live in the database, encrypted with the data key: the multi-node suite's first run
/// found a token from one node refused (401) by the other, each having made its own keys in its own place.
/// </summary>
public sealed class DataProtectionKeysTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task The_keys_are_stored_encrypted_in_the_database_and_another_server_on_it_accepts_the_tokens()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/event")).StatusCode);

        var keys = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<DataProtectionKey>().AsNoTracking().ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Contains(DataKeyXmlEncryptor.ElementName, k.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("masterKey", k.Xml, StringComparison.Ordinal);
        });

        await using var peer = new PeerServer(app);
        using var onPeer = peer.CreateClient();
        onPeer.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await onPeer.GetAsync("/api/v1/event")).StatusCode);
        onPeer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.DefaultRequestHeaders.Authorization!.Parameter + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await onPeer.GetAsync("/api/v1/event")).StatusCode);
    }
}
