namespace Summit.Tests.Access;

/// <summary>The test venue with the product's default: approving an in-person guest issues their credential.</summary>
public class ApprovalIssuingFactory : AccessFactory
{
    protected override bool IssueOnApproval => true;
}
