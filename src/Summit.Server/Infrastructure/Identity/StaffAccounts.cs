using Microsoft.AspNetCore.Identity;
using Summit.Server.Infrastructure.Audit;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>Creates staff accounts and sets their roles (used by the admin page, the CLI and the demo).</summary>
public sealed class StaffAccounts(UserManager<SummitUser> users, RoleManager<IdentityRole> roles, AuditLog audit,
    Infrastructure.Database.SummitDbContext db)
{
    public async Task<SummitUser> CreateAsync(string email, string displayName, string password, IReadOnlyCollection<string> roleNames, string language = "en")
    {
        await IdentitySetup.EnsureRolesAsync(roles);
        var unknown = roleNames.Except(Roles.All).ToList();
        if (unknown.Count > 0)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.UserRoleUnknown, string.Join(", ", unknown)));
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new SummitException(SummitError.Conflict(ErrorCodes.UserEmailTaken, email));
        }

        var user = new SummitUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, Language = language };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.UserPasswordRejected, string.Join(" ", created.Errors.Select(e => e.Description))));
        }

        await users.AddToRolesAsync(user, roleNames);
        await audit.RecordAsync(AuditActions.UserCreated, "user", user.Id, new Dictionary<string, (object?, object?)>
        {
            ["email"] = (null, email),
            ["roles"] = (null, string.Join(",", roleNames)),
        });
        await db.SaveChangesAsync();
        return user;
    }

    public async Task SetRolesAsync(string userId, IReadOnlyCollection<string> roleNames)
    {
        var unknown = roleNames.Except(Roles.All).ToList();
        if (unknown.Count > 0)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.UserRoleUnknown, string.Join(", ", unknown)));
        }

        var user = await FindAsync(userId);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !roleNames.Contains(Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
        {
            // Without an administrator nobody could manage accounts any more, short of the command line.
            throw new SummitException(SummitError.Of(ErrorCodes.UserLastAdmin));
        }

        await users.RemoveFromRolesAsync(user, current.Except(roleNames));
        await users.AddToRolesAsync(user, roleNames.Except(current));
        await audit.RecordAsync(AuditActions.UserRolesChanged, "user", user.Id, new Dictionary<string, (object?, object?)>
        {
            ["roles"] = (string.Join(",", current), string.Join(",", roleNames)),
        });
        await db.SaveChangesAsync();
    }

    public async Task<List<UserDto>> ListAsync()
    {
        var list = new List<UserDto>();
        foreach (var user in users.Users.OrderBy(u => u.Email).ToList())
        {
            list.Add(new UserDto(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)],
                user.TwoFactorEnabled, await users.IsLockedOutAsync(user)));
        }

        return list;
    }

    /// <summary>Lifts a lockout after too many failed sign-ins, and forgets the failures.</summary>
    public async Task UnlockAsync(string userId)
    {
        var user = await FindAsync(userId);
        var lockedUntil = user.LockoutEnd;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditActions.UserUnlocked, "user", user.Id, new Dictionary<string, (object?, object?)>
        {
            ["lockoutEnd"] = (lockedUntil?.ToString("u", System.Globalization.CultureInfo.InvariantCulture), null),
        });
        await db.SaveChangesAsync();
    }

    private async Task<SummitUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new SummitException(SummitError.NotFound(ErrorCodes.UserNotFound));
}
