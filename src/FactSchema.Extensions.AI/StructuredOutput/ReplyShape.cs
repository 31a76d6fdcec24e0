using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactSchema.Validation;

namespace FactSchema.Extensions.AI.StructuredOutput;

/// <summary>
/// The way back from a strict reply to the original schema's document, recorded while the strict schema is derived: one node
/// per place where the two differ (optional members sent as nullable, maps sent as key/value arrays, unions, references).
/// </summary>
internal abstract class ReplyShape
{
    /// <summary>A place where the reply has the original's form.</summary>
    public static readonly ReplyShape Same = new SameShape();

    /// <summary>Turns the reply (at <paramref name="pointer"/>, a JSON Pointer into the reply) into the original's form, in place where it can.</summary>
    /// <returns>The node in the original's form.</returns>
    public abstract JsonNode? Restore(JsonNode? reply, string pointer, List<ValidationError> errors);

    /// <summary>The other way: a document of the original schema in the form the strict schema asks for (a new node).</summary>
    public abstract JsonNode? ToReply(JsonNode? document);

    /// <summary>Appends to <paramref name="output"/> the reply's path for the original's path segments from <paramref name="index"/> on.</summary>
    public abstract void Translate(IReadOnlyList<string> segments, int index, JsonNode? reply, StringBuilder output);

    /// <summary>Whether <paramref name="reply"/> fits this shape's branch of a union, and how well (higher is better; below zero: not at all).</summary>
    public virtual int Fit(JsonNode? reply) => 0;

    protected static void AppendRest(IReadOnlyList<string> segments, int index, StringBuilder output)
    {
        for (var i = index; i < segments.Count; i++)
        {
            output.Append('/').Append(Escape(segments[i]));
        }
    }

    protected static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    private sealed class SameShape : ReplyShape
    {
        public override JsonNode? Restore(JsonNode? reply, string pointer, List<ValidationError> errors) => reply;

        public override JsonNode? ToReply(JsonNode? document) => document?.DeepClone();

        public override void Translate(IReadOnlyList<string> segments, int index, JsonNode? reply, StringBuilder output) => AppendRest(segments, index, output);
    }
}

/// <summary>What a union branch or a value accepts, for picking the branch a reply was meant for.</summary>
internal sealed class ValueFit
{
    public ValueFit(IReadOnlyCollection<string>? types, IReadOnlyCollection<string>? properties, JsonArray? values)
    {
        Types = types;
        Properties = properties;
        Values = values;
    }

    /// <summary>The JSON types accepted; null: any.</summary>
    public IReadOnlyCollection<string>? Types { get; }

    /// <summary>The property names of an object branch.</summary>
    public IReadOnlyCollection<string>? Properties { get; }

    /// <summary>The <c>enum</c> members, where there are some.</summary>
    public JsonArray? Values { get; }

    public int Score(JsonNode? reply)
    {
        if (Values is not null)
        {
            foreach (var value in Values)
            {
                if (JsonNode.DeepEquals(value, reply))
                {
                    return 3;
                }
            }

            return -1;
        }

        if (Types is not null && !Types.Contains(TypeOf(reply)) && !(TypeOf(reply) == "integer" && Types.Contains("number")))
        {
            return -1;
        }

        if (reply is JsonObject obj && Properties is not null)
        {
            var score = 1;
            foreach (var member in obj)
            {
                if (!Properties.Contains(member.Key))
                {
                    return 0;
                }

                score++;
            }

            return score;
        }

        return 1;
    }

    private static string TypeOf(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => node.ToJsonString().IndexOfAny(['.', 'e', 'E']) < 0 ? "integer" : "number",
        _ => "unknown",
    };
}

/// <summary>A value whose form is the original's, but that may stand in a union (its fit says when).</summary>
internal sealed class LeafShape : ReplyShape
{
    private readonly ValueFit _fit;

    public LeafShape(ValueFit fit) => _fit = fit;

    public override JsonNode? Restore(JsonNode? reply, string pointer, List<ValidationError> errors) => reply;

    public override JsonNode? ToReply(JsonNode? document) => document?.DeepClone();

    public override void Translate(IReadOnlyList<string> segments, int index, JsonNode? reply, StringBuilder output) => AppendRest(segments, index, output);

    public override int Fit(JsonNode? reply) => _fit.Score(reply);
}

/// <summary>A member of an object shape.</summary>
internal sealed class MemberShape
{
    public MemberShape(ReplyShape value, bool optional, bool keepNull)
    {
        Value = value;
        Optional = optional;
        KeepNull = keepNull;
    }

    /// <summary>The member's value.</summary>
    public ReplyShape Value { get; }

    /// <summary>Optional in the original, so sent as nullable: a null in the reply means absent unless <see cref="KeepNull"/>.</summary>
    public bool Optional { get; }

    /// <summary>The original accepts null for this member, so a null is kept.</summary>
    public bool KeepNull { get; }
}

/// <summary>An object: every member sent as required, optional ones nullable.</summary>
internal sealed class ObjectShape : ReplyShape
{
    private readonly Dictionary<string, MemberShape> _members;
    private readonly ValueFit _fit;

    public ObjectShape(Dictionary<string, MemberShape> members)
    {
        _members = members;
        _fit = new ValueFit(["object"], members.Keys, null);
    }

    public override JsonNode? Restore(JsonNode? reply, string pointer, List<ValidationError> errors)
    {
        if (reply is not JsonObject obj)
        {
            return reply;
        }

        var names = new List<string>();
        foreach (var member in obj)
        {
            names.Add(member.Key);
        }

        foreach (var name in names)
        {
            if (!_members.TryGetValue(name, out var member))
            {
                continue;
            }

            var value = obj[name];
            if (value is null && member.Optional && !member.KeepNull)
            {
                obj.Remove(name);
                continue;
            }

            var restored = member.Value.Restore(value, pointer + "/" + Escape(name), errors);
            if (!ReferenceEquals(restored, value))
            {
                obj[name] = Detach(restored);
            }
        }

        return obj;
    }

    public override void Translate(IReadOnlyList<string> segments, int index, JsonNode? reply, StringBuilder output)
    {
        if (index >= segments.Count)
        {
            return;
        }

        output.Append('/').Append(Escape(segments[index]));
        if (reply is JsonObject obj && _members.TryGetValue(segments[index], out var member))
        {
            member.Value.Translate(segments, index + 1, obj[segments[index]], output);
        }
        else
        {
            AppendRest(segments, index + 1, output);
        }
    }

    public override int Fit(JsonNode? reply) => _fit.Score(reply);

    public override JsonNode? ToReply(JsonNode? document)
    {
        if (document is not JsonObject obj)
        {
            return document?.DeepClone();
        }

        var reply = new JsonObject();
        foreach (var member in _members)
        {
            reply[member.Key] = obj.TryGetPropertyValue(member.Key, out var value) ? member.Value.Value.ToReply(value) : null;
        }

        foreach (var extra in obj)
        {
            if (!_members.ContainsKey(extra.Key))
            {
                reply[extra.Key] = extra.Value?.DeepClone();
            }
        }

        return reply;
    }

    internal static JsonNode? Detach(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();
}

/// <summary>An array: each item restored.</summary>
internal sealed class ArrayShape : ReplyShape
{
    private readonly ReplyShape _items;

    public ArrayShape(ReplyShape items) => _items = items;

    public override JsonNode? Restore(JsonNode? reply, string pointer, List<ValidationError> errors)
    {
        if (reply is not JsonArray array)
        {
            return reply;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            var restored = _items.Restore(item, pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), errors);
            if (!ReferenceEquals(restored, item))
            {
                array[i] = ObjectShape.Detach(restored);
            }
        }

        return array;
    }

    public override void Translate(IReadOnlyList<string> segments, int index, JsonNode? reply, StringBuilder output)
    {
        if (index >= segments.Count)
        {
            return;
        }

        output.Append('/').Append(Escape(segments[index]));
        var item = reply is JsonArray array && int.TryParse(segments[index], out var i) && i >= 0 && i < array.Count ? array[i] : null;
        _items.Translate(segments, index + 1, item, output);
    }

    public override int Fit(JsonNode? reply) => reply is JsonArray ? 1 : -1;

    public override JsonNode? ToReply(JsonNode? document)
        => document is JsonArray array ? new JsonArray(array.Select(_items.ToReply).ToArray()) : document?.DeepClone();
}

/// <summary>A map (an object of arbitrary names) sent as an array of <c>{key, value}</c> entries.</summary>
internal sealed class MapShape : ReplyShape
{
    public const string Key = "key";
    public const string Value = "value";

    private readonly ReplyShape _value;

    public MapShape(ReplyShape value) => _value = value;

    public override JsonNode? Restore(JsonNode? reply, string pointer, List<ValidationError> errors)
    {
        if (reply is not JsonArray array)
        {
            return reply;
        }

        var map = new JsonObject();
        for (var i = 0; i < array.Count; i++)
        {
            var at = pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (array[i] is not JsonObject entry || entry[Key] is not JsonValue keyValue || keyValue.GetValueKind() != JsonValueKind.String)
            {
                errors.Add(new ValidationError(at, "/items", "An entry of this map must be an object {\"key\": <string>, \"value\": ...}."));
                continue;
            }

            var key = keyValue.GetValue<string>();
            if (map.ContainsKey(key))
            {
                errors.Add(new ValidationError(at + "/" + Key, "/items/properties/key", $"The key \"{key}\" is given twice; each key may appear once."));
                continue;
            }

            var value = entry[Value];
            entry.Remove(Value);
            map[key] = ObjectShape.Detach(_value.Restore(value, at + "/" + Value, errors));
        }

        return map;
    }

    public override void Translate(IReadOnlyList<string> segments, int index, JsonNode? reply, StringBuilder output)
    {
        if (index >= segments.Count)
        {
            return;
        }

        if (reply is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject entry && entry[Key] is JsonValue key && key.GetValueKind() == JsonValueKind.String && key.GetValue<string>() == segments[index])
                {
                    output.Append('/').Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('/').Append(Value);
                    _value.Translate(segments, index + 1, entry[Value], output);
                    return;
                }
            }
        }

        AppendRest(segments, index, output);
    }

    public override int Fit(JsonNode? reply) => reply is JsonArray or JsonObject ? 1 : -1;

    public override JsonNode? ToReply(JsonNode? document)
    {
        if (document is not JsonObject map)
        {
            return document?.DeepClone();
        }

        var entries = new JsonArray();
        foreach (var member in map)
        {
            entries.Add((JsonNode)new JsonObject { [Key] = member.Key, [Value] = _value.ToReply(member.Value) });
        }

        return entries;
    }
}

/// <summary>A union (<c>anyOf</c>, from <c>anyOf</c> or <c>oneOf</c>): the reply is restored by the branch it fits best.</summary>
internal sealed class UnionShape : ReplyShape
{
    private readonly IReadOnlyList<ReplyShape> _branches;

    public UnionShape(IReadOnlyList<ReplyShape> branches) => _branches = branches;

    public override JsonNode? Restore(JsonNode? reply, string pointer, List<ValidationError> errors) => Pick(reply)?.Restore(reply, pointer, errors) ?? reply;

    public override JsonNode? ToReply(JsonNode? document) => Pick(document) is { } branch ? branch.ToReply(document) : document?.DeepClone();

    public override void Translate(IReadOnlyList<string> segments, int index, JsonNode? reply, StringBuilder output)
    {
        if (Pick(reply) is { } branch)
        {
            branch.Translate(segments, index, reply, output);
        }
        else
        {
            AppendRest(segments, index, output);
        }
    }

    public override int Fit(JsonNode? reply)
    {
        var best = -1;
        foreach (var branch in _branches)
        {
            best = Math.Max(best, branch.Fit(reply));
        }

        return best;
    }

    private ReplyShape? Pick(JsonNode? reply)
    {
        ReplyShape? best = null;
        var bestScore = -1;
        foreach (var branch in _branches)
        {
            var score = branch.Fit(reply);
            if (score > bestScore)
            {
                best = branch;
                bestScore = score;
            }
        }

        return best;
    }
}

/// <summary>A reference to a definition, whose shape is recorded once (so recursive schemas have finite shapes).</summary>
internal sealed class RefShape : ReplyShape
{
    private readonly string _name;
    private readonly IReadOnlyDictionary<string, ReplyShape> _definitions;

    public RefShape(string name, IReadOnlyDictionary<string, ReplyShape> definitions)
    {
        _name = name;
        _definitions = definitions;
    }

    private ReplyShape Target => _definitions.TryGetValue(_name, out var shape) ? shape : Same;

    public override JsonNode? Restore(JsonNode? reply, string pointer, List<ValidationError> errors) => Target.Restore(reply, pointer, errors);

    public override JsonNode? ToReply(JsonNode? document) => Target.ToReply(document);

    public override void Translate(IReadOnlyList<string> segments, int index, JsonNode? reply, StringBuilder output) => Target.Translate(segments, index, reply, output);

    public override int Fit(JsonNode? reply) => Target.Fit(reply);
}

/// <summary>A root that is not a plain object, sent wrapped as <c>{"value": …}</c>.</summary>
internal sealed class WrappedShape : ReplyShape
{
    public const string Member = "value";

    private readonly ReplyShape _value;

    public WrappedShape(ReplyShape value) => _value = value;

    public override JsonNode? Restore(JsonNode? reply, string pointer, List<ValidationError> errors)
    {
        if (reply is JsonObject obj && obj.Count == 1 && obj.ContainsKey(Member))
        {
            var value = obj[Member];
            obj.Remove(Member);
            return ObjectShape.Detach(_value.Restore(value, pointer + "/" + Member, errors));
        }

        errors.Add(new ValidationError(pointer, "/required", "The reply must be an object with the one member \"value\"."));
        return reply;
    }

    public override JsonNode? ToReply(JsonNode? document) => new JsonObject { [Member] = _value.ToReply(document) };

    public override void Translate(IReadOnlyList<string> segments, int index, JsonNode? reply, StringBuilder output)
    {
        output.Append('/').Append(Member);
        _value.Translate(segments, index, (reply as JsonObject)?[Member], output);
    }
}
