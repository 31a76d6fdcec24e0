using System.Globalization;
using System.Text;

namespace FactSchema.Generators.Tests.TestSupport;

/// <summary>Builds JSON text in tests that generate schemas and documents.</summary>
public static class JsonText
{
    /// <summary>A JSON string literal: quotes, backslashes and control characters escaped, everything else as is.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
