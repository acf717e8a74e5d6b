namespace Summit.Server.Guests.Import;

/// <param name="Problems">The first <see cref="GuestImportService.MaxListedProblems"/> problems, in row order.</param>
/// <param name="ProblemCount">Every problem of the file, listed or not.</param>
public sealed record ImportPreview(int Rows, int ValidRows, IReadOnlyList<ImportRowProblem> Problems, int ProblemCount, bool Committed)
{
    public bool CanCommit => Rows > 0 && ProblemCount == 0;
}
