using Microsoft.AspNetCore.Identity;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>Refuses a staff password that is on the common password list.</summary>
internal sealed class CommonPasswordValidator(CommonPasswords common) : IPasswordValidator<SummitUser>
{
    public const string Code = "PasswordCommon";

    public Task<IdentityResult> ValidateAsync(UserManager<SummitUser> manager, SummitUser user, string? password) =>
        Task.FromResult(password is not null && common.IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = "The password is one of the most common passwords." })
            : IdentityResult.Success);
}
