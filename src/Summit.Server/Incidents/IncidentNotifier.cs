using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Mail;

namespace Summit.Server.Incidents;

/// <summary>
/// Tells staff about an incident: a bell entry and a mail in the outbox for each recipient, added to the caller's unit of
/// work (so a change that rolls back tells nobody). The push to open pages goes out when the caller says it saved.
/// </summary>
public sealed class IncidentNotifier(SummitDbContext db, Localizer localizer, IOptions<MailOptions> mailOptions, TimeProvider clock, IncidentFeed feed)
{
    public const string MailKind = "incident";
    private readonly List<IncidentNotification> _pending = [];

    /// <summary>Everyone holding one of the roles, except the person who caused the change (they know).</summary>
    public async Task<List<SummitUserRef>> UsersInRolesAsync(IEnumerable<string> roles, CancellationToken ct)
    {
        var names = roles.Select(r => r.ToUpperInvariant()).ToList();
        var userIds = from userRole in db.UserRoles
                      join role in db.Roles on userRole.RoleId equals role.Id
                      where names.Contains(role.NormalizedName!)
                      select userRole.UserId;
        return await RefsAsync(db.Users.Where(u => userIds.Contains(u.Id)), ct);
    }

    public async Task<SummitUserRef?> FindUserAsync(string userId, CancellationToken ct) =>
        (await RefsAsync(db.Users.Where(u => u.Id == userId), ct)).FirstOrDefault();

    /// <summary>
    /// A bell entry and a mail for each recipient. A recipient whose roles do not read health details gets, for a health incident,
    /// its kind, number and place only: no title as written, no description.
    /// </summary>
    public void Notify(Incident incident, NotificationKind kind, IEnumerable<SummitUserRef> recipients, string? exceptUserId)
    {
        var now = clock.GetUtcNow();
        var link = $"{mailOptions.Value.PublicBaseUrl.TrimEnd('/')}/operations/incidents/{incident.DisplayNumber}";
        foreach (var user in recipients.DistinctBy(u => u.Id).Where(u => u.Id != exceptUserId))
        {
            var withheld = HealthDetails.HeldBy(incident) && !user.MayReadHealth;
            var notification = new IncidentNotification
            {
                UserId = user.Id,
                IncidentId = incident.Id,
                Number = incident.Number,
                Kind = kind,
                TitleEn = withheld ? localizer.Get(Localizer.English, HealthDetails.TitleKey) : IncidentTitles.In(incident, Localizer.English, localizer),
                TitleZh = withheld ? localizer.Get(Localizer.Chinese, HealthDetails.TitleKey) : IncidentTitles.In(incident, Localizer.Chinese, localizer),
                At = now,
            };
            db.Add(notification);
            _pending.Add(notification);
            if (user.Email.Length == 0)
            {
                continue;
            }

            var lang = Localizer.NormalizeLanguage(user.Language);
            var title = withheld ? localizer.Get(lang, HealthDetails.TitleKey) : IncidentTitles.In(incident, lang, localizer);
            var severity = localizer.Format(lang, "incidents.mail.severity", incident.Severity);
            var type = localizer.Format(lang, "incidents.mail.type", incident.Type);
            var subject = localizer.Format(lang, $"incidents.mail.subject.{kind}", incident.DisplayNumber, title);
            var intro = localizer.Format(lang, $"incidents.mail.intro.{kind}", incident.DisplayNumber);
            var open = localizer.Format(lang, "incidents.mail.open", link);
            var lines = new[] { intro, title, severity, type, withheld ? localizer.Get(lang, "incidents.health.withheld") : incident.Description, open };
            db.OutgoingMails.Add(new OutgoingMail
            {
                ToAddress = user.Email,
                ToName = user.DisplayName,
                Subject = subject.Length > 500 ? subject[..500] : subject,
                TextBody = string.Join("\n\n", lines.Where(l => l.Length > 0)),
                HtmlBody = string.Concat(lines.Where(l => l.Length > 0).Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>")),
                Kind = MailKind,
                CreatedAt = now,
            });
        }
    }

    private async Task<List<SummitUserRef>> RefsAsync(IQueryable<SummitUser> users, CancellationToken ct)
    {
        var health = Policies.RolesFor[Policies.IncidentsHealthDetails].Select(r => r.ToUpperInvariant()).ToList();
        var healthReaders = from userRole in db.UserRoles
                            join role in db.Roles on userRole.RoleId equals role.Id
                            where health.Contains(role.NormalizedName!)
                            select userRole.UserId;
        return await users.Select(u => new SummitUserRef(u.Id, u.Email ?? u.UserName ?? "", u.DisplayName, u.Language, healthReaders.Contains(u.Id)))
            .ToListAsync(ct);
    }

    /// <summary>Pushes what this unit of work queued; call after saving. Pages read the database again, so a push is only a hint.</summary>
    public void Publish(Incident incident)
    {
        var mine = _pending.Where(n => n.IncidentId == incident.Id).ToList();
        _pending.RemoveAll(n => n.IncidentId == incident.Id);
        feed.Publish(new IncidentChange(incident.Id, incident.Number, [.. mine.Select(n => n.UserId)]));
    }
}
