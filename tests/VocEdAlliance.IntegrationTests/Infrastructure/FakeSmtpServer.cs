using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VocEdAlliance.IntegrationTests.Infrastructure;

/// <summary>Just enough SMTP on loopback to receive the portal's reminder e-mails and keep them for the test.</summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;

    /// <param name="port">A given port (a server that "comes back" where the portal expects it), or any free one.</param>
    public FakeSmtpServer(int port = 0)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        serving = ServeAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>A loopback port nothing listens on (for an SMTP server that is down).</summary>
    public static int UnusedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>A message's Message-Id header (the portal's outbox id).</summary>
    public static string? MessageId(string data) =>
        data.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .FirstOrDefault(l => l.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))?[11..].Trim();

    /// <summary>Each message received: its recipients and its raw text (headers and body).</summary>
    public ConcurrentQueue<(List<string> Recipients, string Data)> Messages { get; } = new();

    /// <summary>A message's body as text, decoded when it was sent base64-encoded.</summary>
    public static string Body(string data)
    {
        var text = data.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = split < 0 ? text : text[..split];
        var body = split < 0 ? string.Empty : text[(split + 2)..];
        return headers.Contains("base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))))
            : body;
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = ConverseAsync(client);
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 fake ESMTP");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.ToUpperInvariant();
            if (command.StartsWith("EHLO", StringComparison.Ordinal) || command.StartsWith("HELO", StringComparison.Ordinal))
            {
                await writer.WriteLineAsync("250 fake");
            }
            else if (command.StartsWith("RCPT TO:", StringComparison.Ordinal))
            {
                recipients.Add(line[8..].Trim().Trim('<', '>'));
                await writer.WriteLineAsync("250 OK");
            }
            else if (command == "DATA")
            {
                await writer.WriteLineAsync("354 end with .");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync() is { } body && body != ".")
                {
                    data.AppendLine(body);
                }
                Messages.Enqueue((recipients, data.ToString()));
                recipients = [];
                await writer.WriteLineAsync("250 queued");
            }
            else if (command == "QUIT")
            {
                await writer.WriteLineAsync("221 bye");
                return;
            }
            else
            {
                await writer.WriteLineAsync("250 OK");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await serving;
        stopping.Dispose();
    }
}
