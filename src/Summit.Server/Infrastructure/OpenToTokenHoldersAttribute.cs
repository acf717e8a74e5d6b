namespace Summit.Server.Infrastructure;

/// <summary>
/// Marks a service whose every operation checks a secret of its own (an invitation token) instead of a staff role, so a page may
/// run it without a signed-in user through <see cref="UiOperations.TokenHolder"/>. No other service can be run that way.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OpenToTokenHoldersAttribute : Attribute;
