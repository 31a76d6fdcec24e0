using System.Text;
using System.Text.Json;
using FactSchema.Validation;

namespace FactSchema.Tests;

/// <summary>The runtime checks that generated validators share.</summary>
public sealed class ValidationRuntimeTests
{
    [Theory]
    [InlineData("[]", true)]
    [InlineData("[1, 1.0]", false)]
    [InlineData("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1.00]", false)]
    [InlineData("[{\"a\":1,\"b\":2}, 3, 4, 5, 6, 7, 8, 9, 10, {\"b\":2,\"a\":1}]", false)]
    [InlineData("[{\"a\":1,\"b\":2}, 3, 4, 5, 6, 7, 8, 9, 10, {\"b\":2,\"a\":2}]", true)]
    [InlineData("[\"a\", \"\\u0061\", 3, 4, 5, 6, 7, 8, 9, 10]", false)]
    [InlineData("[[1,2], [2,1], 3, 4, 5, 6, 7, 8, 9, 10]", true)]
    [InlineData("[true, false, null, 0, \"\", [], {}, \"0\", [0], {\"\":0}]", true)]
    public void UniqueItemsUsesJsonEquality(string json, bool unique)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        Assert.Equal(unique, FactSchemaValidation.ItemsUnique(reader));
    }

    [Fact]
    public void UniqueItemsOnLargeArraysIsNotQuadratic()
    {
        // 200,000 items pairwise would be 2 × 10^10 comparisons; hashed, it is a sort.
        var builder = new StringBuilder("[");
        for (var i = 0; i < 200_000; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",").Append("\"id-").Append(i).Append('"');
        }

        var unique = Encoding.UTF8.GetBytes(builder + "]");
        var duplicated = Encoding.UTF8.GetBytes(builder + ",\"id-123456\"]");
        var reader = new Utf8JsonReader(unique);
        reader.Read();
        Assert.True(FactSchemaValidation.ItemsUnique(reader));
        reader = new Utf8JsonReader(duplicated);
        reader.Read();
        Assert.False(FactSchemaValidation.ItemsUnique(reader));
    }

    [Fact]
    public void LargeEqualObjectsAreFoundWithoutQuadraticWork()
    {
        string Object(int members, bool reversed)
        {
            var order = Enumerable.Range(0, members);
            return "{" + string.Join(",", (reversed ? order.Reverse() : order).Select(i => $"\"k{i}\":{i}")) + "}";
        }

        var equal = Encoding.UTF8.GetBytes("[" + Object(100_000, false) + "," + Object(100_000, true) + "]");
        var reader = new Utf8JsonReader(equal);
        reader.Read();
        Assert.False(FactSchemaValidation.ItemsUnique(reader));

        var different = Encoding.UTF8.GetBytes("[" + Object(100_000, false) + "," + Object(100_000, true).Replace("\"k7\":7", "\"k7\":8") + "]");
        reader = new Utf8JsonReader(different);
        reader.Read();
        Assert.True(FactSchemaValidation.ItemsUnique(reader));
    }
}
