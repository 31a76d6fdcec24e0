using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NJ = Newtonsoft.Json;
using NJSerialization = Newtonsoft.Json.Serialization;

namespace FactSchema.Benchmarks.Comparison;

/// <summary>
/// The one configuration of each comparison library, shared by the benchmarks and <see cref="BenchmarkParity"/>
/// so that what is measured is what is checked. Each is set up to write what FactSchema writes: camelCase names,
/// optional members left out when null, enums with their kebab-case spellings.
/// </summary>
public static class ComparisonSerializers
{
    /// <summary>UTF-8 without a byte order mark, as the other libraries write.</summary>
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>System.Text.Json source-generated metadata for <see cref="FactSetPoco"/> (reads, and writes through metadata).</summary>
    public static JsonTypeInfo<FactSetPoco> SourceGenerated => ComparisonJsonContext.Default.FactSetPoco;

    /// <summary>System.Text.Json source-generated metadata for <see cref="DeepNodePoco"/>.</summary>
    public static JsonTypeInfo<DeepNodePoco> SourceGeneratedDeep => ComparisonJsonContext.Default.DeepNodePoco;

    /// <summary>System.Text.Json source-generated fast-path writer for <see cref="FactSetPoco"/> (serialization only).</summary>
    public static JsonTypeInfo<FactSetPoco> FastPath => ComparisonFastPathJsonContext.Default.FactSetPoco;

    /// <summary>System.Text.Json source-generated fast-path writer for <see cref="DeepNodePoco"/> (serialization only).</summary>
    public static JsonTypeInfo<DeepNodePoco> FastPathDeep => ComparisonFastPathJsonContext.Default.DeepNodePoco;

    /// <summary>System.Text.Json options that resolve contracts through reflection at run time.</summary>
    public static JsonSerializerOptions ReflectionOptions { get; } = CreateReflectionOptions();

    /// <summary>A Newtonsoft.Json serializer (it caches contracts, so it is made once).</summary>
    public static NJ.JsonSerializer Newtonsoft { get; } = NJ.JsonSerializer.Create(new NJ.JsonSerializerSettings
    {
        ContractResolver = new NJSerialization.DefaultContractResolver { NamingStrategy = new NJSerialization.CamelCaseNamingStrategy() },
        NullValueHandling = NJ.NullValueHandling.Ignore,
        // Strings stay strings; typed members (DateOnly, DateTimeOffset) are still read as dates.
        DateParseHandling = NJ.DateParseHandling.None,
        MissingMemberHandling = NJ.MissingMemberHandling.Ignore,
    });

    /// <summary>Reads a fact set with Newtonsoft.Json from UTF-8 bytes, decoding them as it goes.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The value.</returns>
    public static FactSetPoco NewtonsoftDeserialize(byte[] utf8Json) => NewtonsoftDeserialize<FactSetPoco>(utf8Json);

    /// <summary>Reads a comparison model with Newtonsoft.Json from UTF-8 bytes, decoding them as it goes.</summary>
    /// <typeparam name="T">The model (<see cref="FactSetPoco"/> or <see cref="DeepNodePoco"/>).</typeparam>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The value.</returns>
    public static T NewtonsoftDeserialize<T>(byte[] utf8Json)
        where T : class
    {
        using var stream = new MemoryStream(utf8Json, writable: false);
        using var text = new StreamReader(stream, Utf8NoBom, detectEncodingFromByteOrderMarks: false);
        using var json = new NJ.JsonTextReader(text);
        return Newtonsoft.Deserialize<T>(json) ?? throw new InvalidDataException("The document is JSON null.");
    }

    /// <summary>Writes a comparison model with Newtonsoft.Json to a text writer (which the caller flushes).</summary>
    /// <typeparam name="T">The model (<see cref="FactSetPoco"/> or <see cref="DeepNodePoco"/>).</typeparam>
    /// <param name="output">The text writer; it is left open.</param>
    /// <param name="value">The value.</param>
    public static void NewtonsoftSerialize<T>(TextWriter output, T value)
        where T : class
    {
        using var json = new NJ.JsonTextWriter(output) { CloseOutput = false, Formatting = NJ.Formatting.None };
        Newtonsoft.Serialize(json, value, typeof(T));
    }

    /// <summary>Makes a stream writer that encodes UTF-8 without a byte order mark and leaves the stream open.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The writer.</returns>
    public static StreamWriter CreateUtf8Writer(Stream stream) => new(stream, Utf8NoBom, bufferSize: 16 * 1024, leaveOpen: true);

    private static JsonSerializerOptions CreateReflectionOptions()
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly();
        return options;
    }
}
