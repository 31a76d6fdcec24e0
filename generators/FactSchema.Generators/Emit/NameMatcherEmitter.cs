using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace FactSchema.Generators.Emit;

/// <summary>
/// Writes the one kind of property-name matcher generated code uses, for typed readers and validators alike: a method
/// from the name at a reader to its index in a list, or -1. Names are compared as UTF-8 literals after a switch on their
/// length; an escaped name is unescaped first (<c>FactSchemaReader.NameBytes</c>), so there is no second, string-based path.
/// </summary>
internal static class NameMatcherEmitter
{
    /// <summary>Writes <c><paramref name="declaration"/>(ref Utf8JsonReader r)</c> over <paramref name="names"/>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="declaration">Modifiers, return type <c>int</c> and name, e.g. <c>internal static int M0</c>.</param>
    /// <param name="names">The names, in index order. A name with an unpaired surrogate has no UTF-8 form and no JSON
    /// text can spell it (its escape fails to decode), so it never matches.</param>
    public static void Emit(SourceWriter w, string declaration, IReadOnlyList<string> names)
    {
        w.OpenBlock($"{declaration}(ref global::System.Text.Json.Utf8JsonReader r)");
        var byLength = names
            .Select((name, index) => (Index: index, Literal: CodeText.Utf8Literal(name), Name: name))
            .Where(entry => entry.Literal is not null)
            .GroupBy(entry => Encoding.UTF8.GetByteCount(entry.Name))
            .OrderBy(group => group.Key)
            .ToList();
        if (byLength.Count > 0)
        {
            w.WriteLine("var s = global::FactSchema.Serialization.FactSchemaReader.NameBytes(ref r);");
            w.OpenBlock("switch (s.Length)");
            foreach (var group in byLength)
            {
                w.WriteLine($"case {Int(group.Key)}:");
                w.Indent();
                var entries = group.ToList();
                for (var i = 0; i < entries.Count - 1; i++)
                {
                    w.WriteLine($"if ({Equal(entries[i].Literal!)}) {{ return {Int(entries[i].Index)}; }}");
                }

                var last = entries[entries.Count - 1];
                w.WriteLine($"return {Equal(last.Literal!)} ? {Int(last.Index)} : -1;");
                w.Unindent();
            }

            w.CloseBlock();
        }

        w.WriteLine("return -1;");
        w.CloseBlock();
    }

    private static string Equal(string literal) => $"global::System.MemoryExtensions.SequenceEqual(s, {literal})";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
