namespace Summit.Server.Programme.Scheduling;

/// <summary>One solve at a time per server (a singleton): the solver takes a core and up to its memory limit, so a second one is refused, not queued.</summary>
public sealed class ScheduleGate : IDisposable
{
    private readonly SemaphoreSlim _slot = new(1, 1);

    public bool TryEnter() => _slot.Wait(0);

    public void Leave() => _slot.Release();

    public void Dispose() => _slot.Dispose();
}
