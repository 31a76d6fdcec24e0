using System;
using System.Collections.Generic;
using System.Text;

namespace FactSchema.Generators.Json;

/// <summary>RFC 6901 JSON Pointer helpers.</summary>
internal static class JsonPointer
{
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    public static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    /// <summary>Splits a pointer (already percent-decoded from a URI fragment) into unescaped segments.</summary>
    public static bool TryParse(string pointer, out List<string> segments)
    {
        segments = new List<string>();
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        foreach (var part in pointer.Substring(1).Split('/'))
        {
            segments.Add(Unescape(part));
        }

        return true;
    }

    /// <summary>Normalises a pointer so that equivalent spellings compare equal.</summary>
    public static string Normalize(string pointer)
    {
        if (!TryParse(pointer, out var segments))
        {
            return pointer;
        }

        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            builder.Append('/').Append(Escape(segment));
        }

        return builder.ToString();
    }

    public static string DecodeFragment(string fragment)
    {
        try
        {
            return Uri.UnescapeDataString(fragment);
        }
        catch (UriFormatException)
        {
            return fragment;
        }
    }
}
