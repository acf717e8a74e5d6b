namespace Summit.Server.Infrastructure;

/// <summary>
/// Marks a service that serves only what is published to everyone (the released public programme), so a page may run it without a
/// signed-in user through <see cref="UiOperations.Everyone"/>. No other service can be run that way.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OpenToEveryoneAttribute : Attribute;
