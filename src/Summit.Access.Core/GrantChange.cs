namespace Summit.Access.Core;

public enum GrantChange
{
    Add = 0,
    Remove = 1,
}
