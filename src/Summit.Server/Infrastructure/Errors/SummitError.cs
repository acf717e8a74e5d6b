using System.Globalization;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server;

/// <summary>A refusal a user can meet: a stable reason code plus the values its message needs.</summary>
public sealed record SummitError(string Code, IReadOnlyList<object> Args, int HttpStatus = StatusCodes.Status422UnprocessableEntity)
{
    public static SummitError Of(string code, params object[] args) => new(code, args);

    public static SummitError NotFound(string code, params object[] args) => new(code, args, StatusCodes.Status404NotFound);

    public static SummitError Conflict(string code, params object[] args) => new(code, args, StatusCodes.Status409Conflict);

    public string Message(Localizer localizer) => localizer.Format("error." + Code, Args);

    public string Message(Localizer localizer, CultureInfo culture) => localizer.Format(culture, "error." + Code, Args);
}
