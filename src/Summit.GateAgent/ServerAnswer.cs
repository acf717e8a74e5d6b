namespace Summit.GateAgent;

/// <summary>One answer of the server; <see cref="Error"/> says what went wrong for <see cref="AnswerKind.Failed"/>.</summary>
public readonly record struct ServerAnswer<T>(AnswerKind Kind, T? Value, string? Error) where T : class
{
    public static ServerAnswer<T> Fail(string error) => new(AnswerKind.Failed, null, error);
}
