namespace Summit.Server.Programme.Contracts;

/// <summary>The programme's share of the closing report, the only way other modules read it: who came to each released session.</summary>
public interface IProgrammeReport
{
    /// <summary>The sessions of the last release made before the moment, with who came to each as the door scans of its room say.</summary>
    Task<ProgrammeReportFigures> FiguresAsync(DateTimeOffset asOf, CancellationToken ct = default);
}
