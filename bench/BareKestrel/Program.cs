using System.Text;

// What Kestrel alone manages on this machine: scripts/bench.sh reports the portal's pages as a share of this.
// A fixed page of 2 KB of HTML, about a small portal page, so that both put similar bytes on the wire.
const int Size = 2048;
const string Head = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bare Kestrel</title></head><body><main><h1>Bare Kestrel</h1><p>";
const string Tail = "</p></main></body></html>";
var body = Encoding.ASCII.GetBytes(Head + new string('x', Size - Head.Length - Tail.Length) + Tail);

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

app.MapGet("/", (HttpContext context) =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});

app.Run();
