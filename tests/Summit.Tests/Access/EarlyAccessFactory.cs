namespace Summit.Tests.Access;

/// <summary>The test venue a week before the event.</summary>
public class EarlyAccessFactory : AccessFactory
{
    protected override bool StartAtTheEvent => false;
}
