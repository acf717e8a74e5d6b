namespace Summit.Server.Guests.Import;

public sealed record ImportRowProblem(int Row, string Field, string Code, string Message);
