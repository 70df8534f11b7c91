using System.Net;
using System.Net.Sockets;

namespace Cloudflare.Workflows.Testing.Internal;

/// <summary>Free TCP ports on 127.0.0.1 for the servers the tests start (wrangler, Prism).</summary>
internal static class LoopbackPort
{
    /// <summary>
    /// A port that was free a moment ago (the system's pick for port 0). Another process can take it before the server
    /// binds it: starters check for "address in use" and try again with a new one.
    /// </summary>
    public static int FindFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
