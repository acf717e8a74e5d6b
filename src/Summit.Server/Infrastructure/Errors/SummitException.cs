namespace Summit.Server;

/// <summary>Thrown by services to abort a use case with a reason; mapped to a problem response or a UI message.</summary>
public sealed class SummitException(SummitError error, object? details = null) : Exception(error.Code)
{
    public SummitError Error { get; } = error;

    /// <summary>Extra structured detail for the caller, for example the field problems of a form.</summary>
    public object? Details { get; } = details;
}
