using System.Text.Json.Serialization;

namespace Summit.Server.Access.Credentials;

/// <summary>Which guests a batch operation covers: explicit ids, or a category and/or delegation.</summary>
public sealed record GuestSelection(IReadOnlyList<Guid>? GuestIds = null, Guid? CategoryId = null, Guid? DelegationId = null)
{
    [JsonIgnore]
    public bool IsEmpty => GuestIds is not { Count: > 0 } && CategoryId is null && DelegationId is null;
}
