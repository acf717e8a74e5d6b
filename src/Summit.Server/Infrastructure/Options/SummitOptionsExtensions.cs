using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Summit.Server.Infrastructure.Options;

/// <summary>The one way a module binds its settings (docs/architecture/module-anatomy.md).</summary>
public static class SummitOptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to a configuration section, checks it with its own <see cref="IValidatedOptions.Problems"/>
    /// when the host starts (a bad value stops the start with a message naming the setting), and serves it as
    /// <see cref="IOptions{TOptions}"/>.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSummitOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class, IValidatedOptions
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, ValidatedOptionsValidator<TOptions>>());
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}
