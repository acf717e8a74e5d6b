using Microsoft.Extensions.Options;

namespace Summit.Server.Infrastructure.Options;

/// <summary>Turns an options class's own <see cref="IValidatedOptions.Problems"/> into the options framework's validation.</summary>
public sealed class ValidatedOptionsValidator<TOptions> : IValidateOptions<TOptions> where TOptions : class, IValidatedOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
