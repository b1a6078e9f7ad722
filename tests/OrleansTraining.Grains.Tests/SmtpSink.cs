using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace OrleansTraining.Grains.Tests;

/// <summary>
/// A real SMTP server on loopback: Debian's python3-aiosmtpd (installed by scripts/python-aiosmtpd.sh) with its Mailbox
/// handler, which keeps every accepted message as a file of a Maildir, with the envelope's recipients in X-RcptTo.
/// </summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly string _dir;
    private Process? _process;

    public SmtpSink(int port)
    {
        Port = port;
        // Not created here: aiosmtpd's Maildir makes the folder with its tmp/new/cur only when it does not exist yet.
        _dir = Path.Combine(Path.GetTempPath(), "smtp-sink-" + Guid.NewGuid().ToString("N"));
    }

    public int Port { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _dir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("aiosmtpd exited: " + await _process.StandardError.ReadToEndAsync() + " (run scripts/python-aiosmtpd.sh)");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Every message accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        [.. new[] { "new", "cur" }
            .Select(d => Path.Combine(_dir, d))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .Order(StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))];

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        try
        {
            if (Directory.Exists(_dir))
            {
                Directory.Delete(_dir, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
