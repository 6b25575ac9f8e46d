using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Portal.Data;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Data Protection (sign-in cookies, antiforgery tokens, kept forms) with its key ring in PostgreSQL (table
/// "DataProtectionKeys" through DataProtection.EntityFrameworkCore, read by every node), each key encrypted
/// with the certificate of <c>DataProtection:Certificate</c>: whoever reads the database (a backup, a replica, an SQL
/// injection) does not get the keys that forge a sign-in cookie. Outside Development the certificate is required.
/// Certificates of <c>DataProtection:PreviousCertificates</c> still decrypt keys written before a rotation.
/// </summary>
public static class KeyEncryption
{
    public const string CertificateSection = "DataProtection:Certificate";
    public const string PreviousCertificatesSection = "DataProtection:PreviousCertificates";

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment, bool required = true)
    {
        // The application name isolates the key ring's purposes; it must stay "Portal" or every cookie already issued is void.
        var dataProtection = services.AddDataProtection().SetApplicationName("Portal").PersistKeysToDbContext<PortalDbContext>();

        var current = configuration.GetSection(CertificateSection).Get<CertificateFile>();
        if (string.IsNullOrWhiteSpace(current?.Path))
        {
            if (required && !environment.IsDevelopment())
                throw new InvalidOperationException(
                    "DataProtection__Certificate__Path is not set. Outside Development the keys that protect sign-in cookies " +
                    "and form tokens are stored encrypted: make a certificate (README, \"Data Protection keys\") and set " +
                    "DataProtection__Certificate__Path to its .pfx file and DataProtection__Certificate__Password to its password.");
            return services; // make run: keys stay readable in the local demo database.
        }

        var certificate = current.Load("DataProtection__Certificate");
        var previous = configuration.GetSection(PreviousCertificatesSection).Get<List<CertificateFile>>() ?? [];
        dataProtection.ProtectKeysWithCertificate(certificate);
        dataProtection.UnprotectKeysWithAnyCertificate(
            [certificate, .. previous.Select((p, i) => p.Load($"DataProtection__PreviousCertificates__{i}"))]);
        return services;
    }

    /// <summary>A PKCS#12 (.pfx) file with an RSA certificate and its private key.</summary>
    public sealed class CertificateFile
    {
        public string? Path { get; set; }
        public string? Password { get; set; }

        public X509Certificate2 Load(string setting)
        {
            if (string.IsNullOrWhiteSpace(Path) || !File.Exists(Path))
                throw new InvalidOperationException($"{setting}__Path: there is no file '{Path}'.");
            X509Certificate2 certificate;
            try
            {
                // Ephemeral: the private key stays in memory, nothing is written to a key store on disk.
                certificate = X509CertificateLoader.LoadPkcs12FromFile(Path, Password, X509KeyStorageFlags.EphemeralKeySet);
            }
            catch (CryptographicException e)
            {
                throw new InvalidOperationException($"{setting}__Path: '{Path}' is not a .pfx file that opens with {setting}__Password.", e);
            }
            using var rsa = certificate.GetRSAPrivateKey();
            if (rsa is null)
                throw new InvalidOperationException($"{setting}__Path: '{Path}' holds no RSA private key (make it as the README says).");
            return certificate;
        }
    }
}
