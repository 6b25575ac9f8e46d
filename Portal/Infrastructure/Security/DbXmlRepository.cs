using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Portal.Data;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Keeps the Data Protection key ring in PostgreSQL (DataProtection.EntityFrameworkCore is not available here),
/// so antiforgery tokens and cookies stay valid across restarts and on every node.
/// </summary>
public sealed class DbXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return db.DataProtectionKeys.AsEnumerable().Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
