namespace Summit.Server.Access.Contracts;

/// <summary>Told by the module that holds gates whenever it raises, clears or stops watching a hold, so the gate agents hear of it at once.</summary>
public interface IGateHoldChanges
{
    void Changed();
}
