using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Mail;

namespace Summit.Tests.Infrastructure;

/// <summary>
/// Several server processes on one database each run a mail dispatcher: every message is claimed by one round and sent once (the
/// multi-node trial sent 73 of 150 notification mails twice before the claim).
/// </summary>
public class MailClaimTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Two_dispatchers_on_one_database_send_each_message_once()
    {
        var ids = await QueueAsync(150);
        var first = new RecordingTransport();
        var second = new RecordingTransport();

        await Task.WhenAll(DrainAsync(Dispatcher(first)), DrainAsync(Dispatcher(second)));

        var sent = first.MessageIds.Concat(second.MessageIds).Where(ids.Contains).ToList();
        Assert.Equal(150, sent.Count);
        Assert.Equal(150, sent.Distinct().Count());
        var rows = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.Where(m => m.Kind == Kind).ToListAsync());
        Assert.All(rows, m =>
        {
            Assert.NotNull(m.SentAt);
            Assert.Null(m.ClaimToken);
        });
    }

    [Fact]
    public async Task A_message_claimed_by_a_process_that_died_is_sent_once_its_claim_lapses()
    {
        var id = Assert.Single(await QueueAsync(1));
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var mail = await db.OutgoingMails.SingleAsync(m => m.Id == id);
            mail.ClaimToken = Guid.NewGuid();
            mail.ClaimedUntil = app.Clock.GetUtcNow() + Lease;
            return await db.SaveChangesAsync();
        });
        var transport = new RecordingTransport();
        var dispatcher = Dispatcher(transport);

        await dispatcher.DispatchPendingAsync(CancellationToken.None);
        Assert.DoesNotContain(id, transport.MessageIds);

        app.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await dispatcher.DispatchPendingAsync(CancellationToken.None);
        Assert.Equal(1, transport.MessageIds.Count(m => m == id));
    }

    private const string Kind = "claim-test";

    private TimeSpan Lease => app.Services.GetRequiredService<IOptions<MailOptions>>().Value.ClaimLease;

    private MailDispatcher Dispatcher(IMailTransport transport) => new(app.Services.GetRequiredService<IServiceScopeFactory>(), transport,
        app.Services.GetRequiredService<IOptions<MailOptions>>(), app.Clock, NullLogger<MailDispatcher>.Instance);

    private static async Task DrainAsync(MailDispatcher dispatcher)
    {
        // A round that finds nothing may still race the other's last claim: two empty rounds in a row end it.
        var empty = 0;
        while (empty < 2)
        {
            empty = await dispatcher.DispatchPendingAsync(CancellationToken.None) == 0 ? empty + 1 : 0;
        }
    }

    private Task<List<Guid>> QueueAsync(int count) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SummitDbContext>();
        var mails = Enumerable.Range(0, count).Select(i => new OutgoingMail
        {
            ToAddress = $"claim-{i}@example.org",
            ToName = $"Claim {i}",
            Subject = "Notice",
            TextBody = "A notice.",
            HtmlBody = "<p>A notice.</p>",
            Kind = Kind,
            CreatedAt = app.Clock.GetUtcNow(),
        }).ToList();
        db.OutgoingMails.AddRange(mails);
        await db.SaveChangesAsync();
        return mails.Select(m => m.Id).ToList();
    });

    /// <summary>Records what it sends, slowly enough that two dispatchers' rounds overlap.</summary>
    private sealed class RecordingTransport : IMailTransport
    {
        private readonly ConcurrentQueue<Guid> _sent = new();

        public IReadOnlyCollection<Guid> MessageIds => _sent;

        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            await Task.Delay(2, ct);
            _sent.Enqueue(Guid.ParseExact(message.MessageId!.Split('@')[0], "N"));
        }
    }
}
