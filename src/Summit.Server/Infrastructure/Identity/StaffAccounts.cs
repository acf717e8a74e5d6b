using Microsoft.AspNetCore.Identity;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>
/// Creates staff accounts, sets their roles and passwords, disables and re-enables them (used by the admin page, the API, the CLI
/// and the demo). Every change that takes something away changes the account's security stamp, which ends its sessions at once.
/// </summary>
public sealed class StaffAccounts(UserManager<SummitUser> users, RoleManager<IdentityRole> roles, AuditLog audit,
    Infrastructure.Database.SummitDbContext db, SignInThrottle throttle, Localizer localizer)
{
    /// <summary>A disabled account is one locked out for good: Identity's own way to refuse every sign-in.</summary>
    public static bool IsDisabled(SummitUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;

    public async Task<SummitUser> CreateAsync(string email, string displayName, string password, IReadOnlyCollection<string> roleNames, string language = "en")
    {
        await IdentitySetup.EnsureRolesAsync(roles);
        RefuseUnknownRoles(roleNames);
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new SummitException(SummitError.Conflict(ErrorCodes.UserEmailTaken, email));
        }

        var user = new SummitUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, Language = language };
        ThrowIfPasswordRefused(await users.CreateAsync(user, password));
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
        RefuseUnknownRoles(roleNames);
        var user = await FindAsync(userId);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !roleNames.Contains(Roles.Admin))
        {
            await RefuseLosingLastActiveAdminAsync(user);
        }

        await users.RemoveFromRolesAsync(user, current.Except(roleNames));
        await users.AddToRolesAsync(user, roleNames.Except(current));
        if (!current.ToHashSet().SetEquals(roleNames))
        {
            // The old roles are written into every cookie and token issued so far: they all end now.
            await users.UpdateSecurityStampAsync(user);
        }

        await audit.RecordAsync(AuditActions.UserRolesChanged, "user", user.Id, new Dictionary<string, (object?, object?)>
        {
            ["roles"] = (string.Join(",", current), string.Join(",", roleNames)),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Sets a new password chosen by an administrator (a forgotten one); the account's sessions end.</summary>
    public async Task SetPasswordAsync(string userId, string password)
    {
        var user = await FindAsync(userId);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        ThrowIfPasswordRefused(await users.ResetPasswordAsync(user, token, password ?? ""));
        await audit.RecordAsync(AuditActions.UserPasswordReset, "user", user.Id);
        await db.SaveChangesAsync();
    }

    /// <summary>Refuses every sign-in of the account and ends its sessions; the last active administrator cannot be disabled.</summary>
    public async Task DisableAsync(string userId)
    {
        var user = await FindAsync(userId);
        if (IsDisabled(user))
        {
            return;
        }

        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            await RefuseLosingLastActiveAdminAsync(user);
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditActions.UserDisabled, "user", user.Id, new Dictionary<string, (object?, object?)> { ["disabled"] = (false, true) });
        await db.SaveChangesAsync();
    }

    public async Task EnableAsync(string userId)
    {
        var user = await FindAsync(userId);
        if (!IsDisabled(user))
        {
            return;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await audit.RecordAsync(AuditActions.UserEnabled, "user", user.Id, new Dictionary<string, (object?, object?)> { ["disabled"] = (true, false) });
        await db.SaveChangesAsync();
    }

    public async Task<List<UserDto>> ListAsync()
    {
        var waited = throttle.AccountsWaited();
        var list = new List<UserDto>();
        foreach (var user in users.Users.OrderBy(u => u.Email).ToList())
        {
            list.Add(new UserDto(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)],
                user.TwoFactorEnabled, waited.Contains(user.NormalizedEmail ?? ""), IsDisabled(user)));
        }

        return list;
    }

    /// <summary>Lets every source that is waiting after failed sign-ins try the account again, and forgets the failures.</summary>
    public async Task UnlockAsync(string userId)
    {
        var user = await FindAsync(userId);
        throttle.Forget(user.NormalizedEmail ?? "");
        await audit.RecordAsync(AuditActions.UserUnlocked, "user", user.Id);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Without an active administrator nobody could manage accounts any more, short of the command line. The check and the change
    /// run in the caller's request; two administrators demoting each other at the same instant is the one race left (docs/security.md).
    /// </summary>
    private async Task RefuseLosingLastActiveAdminAsync(SummitUser leaving)
    {
        var activeAdmins = (await users.GetUsersInRoleAsync(Roles.Admin)).Where(u => !IsDisabled(u)).ToList();
        if (activeAdmins.All(u => u.Id == leaving.Id))
        {
            throw new SummitException(SummitError.Of(ErrorCodes.UserLastAdmin));
        }
    }

    private static void RefuseUnknownRoles(IReadOnlyCollection<string> roleNames)
    {
        var unknown = roleNames.Except(Roles.All).ToList();
        if (unknown.Count > 0)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.UserRoleUnknown, string.Join(", ", unknown)));
        }
    }

    /// <summary>Identity's password rules, each told with its own code in the reader's language.</summary>
    private void ThrowIfPasswordRefused(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var options = users.Options.Password;
        var problems = result.Errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => (ErrorCodes.PasswordTooShort, new object[] { options.RequiredLength }),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => (ErrorCodes.PasswordRequiresDigit, []),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => (ErrorCodes.PasswordRequiresLower, []),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => (ErrorCodes.PasswordRequiresUpper, []),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => (ErrorCodes.PasswordRequiresUniqueChars, [options.RequiredUniqueChars]),
            CommonPasswordValidator.Code => (ErrorCodes.PasswordCommon, []),
            // Identity's other refusals (a user name it will not take) come only with its English description.
            _ => (ErrorCodes.UserInvalid, new object[] { e.Description }),
        }).Select(p => new FieldProblem(p.Item1 == ErrorCodes.UserInvalid ? "email" : "password", p.Item1, localizer.Format("error." + p.Item1, p.Item2))).ToList();
        var code = problems.All(p => p.Field == "password") ? ErrorCodes.UserPasswordRejected : ErrorCodes.UserInvalid;
        throw new SummitException(SummitError.Of(code, string.Join(" ", problems.Select(p => p.Message))), problems);
    }

    private async Task<SummitUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new SummitException(SummitError.NotFound(ErrorCodes.UserNotFound));
}
