namespace Summit.Access.Core;

public static class ReasonCodes
{
    public static bool Admits(this ReasonCode reason) => reason is ReasonCode.Admitted or ReasonCode.AdmittedWithAlert;
}
