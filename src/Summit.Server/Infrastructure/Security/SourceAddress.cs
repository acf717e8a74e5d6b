using System.Net;

namespace Summit.Server.Infrastructure.Security;

/// <summary>
/// The network source of a request as rate limits and sign-in back-off count it: the IPv4 address, or the /64 network of an IPv6
/// address (one subscriber holds a whole /64 and could change address at every request). The address is the client's as the
/// forwarded-headers middleware leaves it, so behind a known proxy it is the proxy's X-Forwarded-For.
/// </summary>
public static class SourceAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}
