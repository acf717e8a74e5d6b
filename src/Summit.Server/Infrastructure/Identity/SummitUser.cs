using Microsoft.AspNetCore.Identity;

namespace Summit.Server.Infrastructure.Identity;

public sealed class SummitUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string Language { get; set; } = "en";
}
