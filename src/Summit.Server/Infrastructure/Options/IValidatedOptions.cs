namespace Summit.Server.Infrastructure.Options;

/// <summary>Options that say what is wrong with themselves, each problem naming its setting; startup refuses them then.</summary>
public interface IValidatedOptions
{
    IEnumerable<string> Problems();
}
