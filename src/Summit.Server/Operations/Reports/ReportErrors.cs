namespace Summit.Server.Operations.Reports;

/// <summary>The reason codes of the closing report ("error.{code}" in the catalogs). Codes are part of the API and never change.</summary>
public static class ReportErrors
{
    public const string ReportTraceInvalid = "report.trace_invalid";
    public const string ReportAsOfInvalid = "report.as_of_invalid";
}
