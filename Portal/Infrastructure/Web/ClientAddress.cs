using System.Net;
using System.Net.Sockets;

namespace Portal.Infrastructure.Web;

/// <summary>
/// Who is asking, as one key for rate limits and the audit trail. The address is the connection's, or the one a
/// configured proxy forwarded (<see cref="ProxySetup"/>); never a header a client can write itself.
/// </summary>
public static class ClientAddress
{
    /// <summary>
    /// One key per client: 127.0.0.1 and ::1 are the same machine, an IPv4 address seen as IPv6 is the IPv4
    /// address, and an IPv6 client is its /64 network (one household or phone gets a whole /64 and can pick any
    /// address in it).
    /// </summary>
    public static string Key(HttpContext context) => Key(context.Connection.RemoteIpAddress);

    public static string Key(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return "loopback";
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The address as written in the audit trail.</summary>
    public static string? ForAudit(HttpContext? context) => context?.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : null;

    /// <summary>The browser's own description of itself, for the audit trail (where a request came from); one line, cut to fit.</summary>
    public static string? UserAgent(HttpContext? context) =>
        context?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent
            ? Domain.Common.UserText.AsOneLine(agent) is var line && line.Length > Domain.Audit.AuditEvent.MaxUserAgentLength
                ? line[..Domain.Audit.AuditEvent.MaxUserAgentLength] : line
            : null;
}
