using Summit.Server.Infrastructure.Localization;

namespace Summit.Server;

/// <summary>
/// Collects the problems of a small form field by field and refuses the form as a whole, the way the guest
/// validator does, so the API answers request.invalid with every problem in <c>details</c>.
/// </summary>
internal sealed class FieldChecks(Localizer localizer)
{
    private readonly List<FieldProblem> _problems = [];

    public bool HasProblem(string field) => _problems.Any(p => p.Field == field);

    public void Add(string field, string labelKey, string code, params object[] args) =>
        _problems.Add(new FieldProblem(field, code, localizer.Format("error." + code, [localizer[labelKey], .. args])));

    public string Required(string field, string labelKey, string? value, int max)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            Add(field, labelKey, ErrorCodes.FieldRequired);
        }
        else if (trimmed.Length > max)
        {
            Add(field, labelKey, ErrorCodes.FieldTooLong, max);
        }

        return trimmed;
    }

    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.RequestInvalid, _problems.Count), _problems.ToList());
        }
    }
}
