using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Portal.Tests.Security;

/// <summary>
/// The key store the portal had before DataProtection.EntityFrameworkCore (Portal/Infrastructure/Security/DbXmlRepository,
/// removed in issue 8), written out in SQL with the same reads and writes, as the app role: it stands for keys stored by
/// the portal before the change, and for a node not yet upgraded during a rolling deploy.
/// </summary>
internal sealed class OwnKeyStore(string appConnectionString) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = new NpgsqlConnection(appConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("""SELECT "Xml" FROM "DataProtectionKeys" """, connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = new NpgsqlConnection(appConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("""INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES ($1, $2)""", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}
