namespace Summit.Access.Core;

public enum GateDirection
{
    Entry = 0,
    Exit = 1,
}
