// Shared by Portal.Tests and Portal.E2E (linked into both projects).
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Portal.TestSupport;

/// <summary>
/// A self-signed RSA certificate in a temporary .pfx file, made once per test run: outside Development the portal
/// encrypts its Data Protection keys with one (DataProtection:Certificate) and refuses to start without it.
/// </summary>
public sealed class TestCertificate
{
    private static readonly Lazy<TestCertificate> Shared = new(() => Create("Portal test keys"));

    private TestCertificate(string path, string password, string thumbprint)
    {
        Path = path;
        Password = password;
        Thumbprint = thumbprint;
    }

    /// <summary>The certificate every portal of this test run uses, so they all read each other's keys.</summary>
    public static TestCertificate Default => Shared.Value;

    public string Path { get; }
    public string Password { get; }
    public string Thumbprint { get; }

    /// <summary>The portal's settings for this certificate, as configuration keys.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["DataProtection:Certificate:Path"] = Path,
        ["DataProtection:Certificate:Password"] = Password,
    };

    /// <summary>Another certificate, e.g. for a rotation; its file is deleted when the test run ends.</summary>
    public static TestCertificate Create(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"portal-test-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return new TestCertificate(path, password, certificate.Thumbprint);
    }
}
