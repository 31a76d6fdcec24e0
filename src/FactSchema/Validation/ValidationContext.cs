using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FactSchema.Validation;

/// <summary>
/// The state of one validation run, passed through generated validators: whether errors are collected or
/// the run only needs a yes/no answer, the instance path, the dynamic scope for <c>$dynamicRef</c>, a
/// recursion guard and pooled <see cref="EvaluatedSet"/>s. Reused per thread, so a valid document costs no
/// allocation.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValidationContext
{
    /// <summary>The deepest chain of schema references followed for one value before validation gives up.</summary>
    public const int MaxReferenceDepth = 256;

    [ThreadStatic]
    private static ValidationContext? t_cached;

    private readonly List<object> _path = new();
    private readonly List<ValidationError> _errors = new();
    private readonly Stack<EvaluatedSet> _sets = new();
    private string[] _scope = new string[8];
    private int _scopeCount;
    private int _depth;
    private int _maxErrors = ValidationOptions.Default.MaxErrors;
    private bool _full;

    private ValidationContext()
    {
    }

    /// <summary>True while only a yes/no answer is wanted: validators return at the first failure and record nothing.</summary>
    public bool Quiet { get; private set; }

    /// <summary>True when the cap on errors stopped the collection.</summary>
    public bool IsTruncated => _full;

    /// <summary>The errors collected so far.</summary>
    public IReadOnlyList<ValidationError> Errors => _errors;

    internal static ValidationContext Rent(bool collect, ValidationOptions? options)
    {
        var context = t_cached ?? new ValidationContext();
        t_cached = null;
        context.Quiet = !collect;
        context._maxErrors = (options ?? ValidationOptions.Default).MaxErrors;
        return context;
    }

    internal static void Return(ValidationContext context)
    {
        context._path.Clear();
        context._errors.Clear();
        context._scopeCount = 0;
        context._depth = 0;
        context._full = false;
        t_cached = context;
    }

    /// <summary>Starts evaluating a subschema whose errors do not count on their own (anyOf, oneOf, not, if, contains).</summary>
    /// <returns>The previous mode, for <see cref="EndQuiet"/>.</returns>
    public bool BeginQuiet()
    {
        var previous = Quiet;
        Quiet = true;
        return previous;
    }

    /// <summary>Restores the mode that <see cref="BeginQuiet"/> returned.</summary>
    /// <param name="previous">The previous mode.</param>
    public void EndQuiet(bool previous) => Quiet = previous || _full;

    /// <summary>Follows a reference; false when the chain of references is too deep (a schema that refers to itself without consuming input).</summary>
    /// <returns>True when the reference may be followed; then call <see cref="Exit()"/> (or <see cref="Exit(bool)"/>) afterwards.</returns>
    public bool Enter()
    {
        if (_depth >= MaxReferenceDepth)
        {
            return false;
        }

        _depth++;
        return true;
    }

    /// <summary>Returns from a reference followed after <see cref="Enter"/>.</summary>
    public void Exit() => _depth--;

    /// <summary>Returns from a reference followed after <see cref="Enter"/>, passing its result through (for one-expression calls).</summary>
    /// <param name="result">What the referenced validator returned.</param>
    /// <returns><paramref name="result"/>.</returns>
    public bool Exit(bool result)
    {
        _depth--;
        return result;
    }

    /// <summary>
    /// Records that a reference was not followed because <see cref="Enter"/> refused it (the schema refers to itself
    /// without consuming input), as an error at the value (no-op while quiet).
    /// </summary>
    /// <param name="value">A reader on the value's first token.</param>
    /// <param name="keywordLocation">The reference's absolute keyword location.</param>
    /// <returns>False: the value could not be checked.</returns>
    public bool TooDeep(ref Utf8JsonReader value, string keywordLocation)
    {
        AddErrorAt(ref value, keywordLocation, "cannot be checked: the schema refers to itself without end");
        return false;
    }

    /// <summary>Enters a property's value (only called while collecting errors).</summary>
    /// <param name="name">The property name.</param>
    public void PushProperty(string name) => _path.Add(name);

    /// <summary>Enters an array item (only called while collecting errors).</summary>
    /// <param name="index">The item's index.</param>
    public void PushIndex(int index) => _path.Add(index);

    /// <summary>Leaves the property or item entered last.</summary>
    public void Pop() => _path.RemoveAt(_path.Count - 1);

    /// <summary>The JSON Pointer of the value being validated.</summary>
    public string InstanceLocation
    {
        get
        {
            if (_path.Count == 0)
            {
                return string.Empty;
            }

            var builder = new StringBuilder();
            foreach (var segment in _path)
            {
                builder.Append('/');
                if (segment is int index)
                {
                    builder.Append(index.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(((string)segment).Replace("~", "~0").Replace("/", "~1"));
                }
            }

            return builder.ToString();
        }
    }

    /// <summary>
    /// Marks a check as failed and tells the validator whether to stop: true while quiet (a yes/no answer is wanted,
    /// so the first failure decides it), false while errors are collected (the validator records this one and goes on).
    /// </summary>
    /// <param name="valid">The validator's result so far; set to false.</param>
    /// <returns>Whether to return false now.</returns>
    public bool Fail(ref bool valid)
    {
        valid = false;
        return Quiet;
    }

    /// <summary>
    /// Marks a check as failed, records its error at the value unless quiet, and tells the validator whether to stop
    /// (<see cref="Fail(ref bool)"/> and <see cref="AddErrorAt"/> in one call).
    /// </summary>
    /// <param name="valid">The validator's result so far; set to false.</param>
    /// <param name="value">A reader on the value's first token.</param>
    /// <param name="keywordLocation">The failing keyword's absolute location.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>Whether to return false now (true while quiet).</returns>
    public bool FailAt(ref bool valid, ref Utf8JsonReader value, string keywordLocation, string message)
    {
        if (Fail(ref valid))
        {
            return true;
        }

        AddErrorAt(ref value, keywordLocation, message);
        return false;
    }

    /// <summary>
    /// Marks a check as failed, records its error unless quiet with a message that starts with a short description of
    /// the value (<see cref="Fail(ref bool)"/> and <see cref="AddError(ref Utf8JsonReader, string, string)"/> in one call),
    /// and tells the validator whether to stop.
    /// </summary>
    /// <param name="valid">The validator's result so far; set to false.</param>
    /// <param name="value">A reader on the value's first token.</param>
    /// <param name="keywordLocation">The failing keyword's absolute location.</param>
    /// <param name="message">The rest of the message, for example "does not match ^[A-Z]{3}$".</param>
    /// <returns>Whether to return false now (true while quiet).</returns>
    public bool Fail(ref bool valid, ref Utf8JsonReader value, string keywordLocation, string message)
        => Quiet ? Fail(ref valid) : FailAt(ref valid, ref value, keywordLocation, FactSchemaValidation.Describe(ref value) + " " + message);

    /// <summary>
    /// Marks a <c>type</c> check as failed, records "expected …, found …" at the value unless quiet, and tells the
    /// validator whether to stop. The description of the value is only made while errors are collected.
    /// </summary>
    /// <param name="valid">The validator's result so far; set to false.</param>
    /// <param name="value">A reader on the value's first token.</param>
    /// <param name="keywordLocation">The <c>type</c> keyword's absolute location.</param>
    /// <param name="expected">The start of the message, for example "expected a string, found ".</param>
    /// <returns>Whether to return false now (true while quiet).</returns>
    public bool FailType(ref bool valid, ref Utf8JsonReader value, string keywordLocation, string expected)
        => Quiet ? Fail(ref valid) : FailAt(ref valid, ref value, keywordLocation, expected + FactSchemaValidation.Found(ref value));

    /// <summary>Records an error at the current instance location (no-op while quiet).</summary>
    /// <param name="keywordLocation">The failing keyword's absolute location.</param>
    /// <param name="message">What is wrong.</param>
    public void AddError(string keywordLocation, string message) => Add(keywordLocation, message, null);

    /// <summary>Records an error about the value at the reader (no-op while quiet), with the value's position.</summary>
    /// <param name="value">A reader on the value's first token.</param>
    /// <param name="keywordLocation">The failing keyword's absolute location.</param>
    /// <param name="message">What is wrong.</param>
    public void AddErrorAt(ref Utf8JsonReader value, string keywordLocation, string message)
    {
        if (!Quiet)
        {
            Add(keywordLocation, message, value.HasValueSequence ? null : value.TokenStartIndex);
        }
    }

    private void Add(string keywordLocation, string message, long? position)
    {
        if (Quiet)
        {
            return;
        }

        _errors.Add(new ValidationError(_path.ToArray(), keywordLocation, message, position));
        if (_errors.Count >= _maxErrors)
        {
            _full = true;
            Quiet = true;
        }
    }

    /// <summary>Records an error whose message starts with a short description of the value.</summary>
    /// <param name="value">A reader on the value's first token.</param>
    /// <param name="keywordLocation">The failing keyword's absolute location.</param>
    /// <param name="message">The rest of the message, for example "does not match ^[A-Z]{3}$".</param>
    public void AddError(ref Utf8JsonReader value, string keywordLocation, string message)
    {
        if (!Quiet)
        {
            Add(keywordLocation, FactSchemaValidation.Describe(ref value) + " " + message, value.HasValueSequence ? null : value.TokenStartIndex);
        }
    }

    /// <summary>Enters a schema resource (for <c>$dynamicRef</c>).</summary>
    /// <param name="resource">The resource's URI.</param>
    public void PushScope(string resource)
    {
        if (_scopeCount == _scope.Length)
        {
            Array.Resize(ref _scope, _scope.Length * 2);
        }

        _scope[_scopeCount++] = resource;
    }

    /// <summary>Leaves the schema resource entered last.</summary>
    public void PopScope() => _scopeCount--;

    /// <summary>Calls a validator with a schema resource entered in the dynamic scope.</summary>
    /// <param name="resource">The resource's URI.</param>
    /// <param name="validator">The validator.</param>
    /// <param name="reader">A reader on the value.</param>
    /// <param name="evaluated">Where to mark evaluated properties or items, or null.</param>
    /// <returns>The validator's result.</returns>
    public bool CallInScope(string resource, JsonValidator validator, ref Utf8JsonReader reader, EvaluatedSet? evaluated)
    {
        PushScope(resource);
        try
        {
            return validator(ref reader, this, evaluated);
        }
        finally
        {
            PopScope();
        }
    }

    /// <summary>The candidate whose resource is outermost in the dynamic scope, or -1.</summary>
    /// <param name="candidates">The URIs of the resources that define the dynamic anchor.</param>
    /// <returns>An index into <paramref name="candidates"/>, or -1.</returns>
    public int FindOutermost(string[] candidates)
    {
        for (var i = 0; i < _scopeCount; i++)
        {
            for (var j = 0; j < candidates.Length; j++)
            {
                if (string.Equals(_scope[i], candidates[j], StringComparison.Ordinal))
                {
                    return j;
                }
            }
        }

        return -1;
    }

    /// <summary>Takes an empty set from the pool.</summary>
    /// <returns>The set.</returns>
    public EvaluatedSet RentSet() => _sets.Count > 0 ? _sets.Pop() : new EvaluatedSet();

    /// <summary>Gives a set back to the pool.</summary>
    /// <param name="set">The set, or null.</param>
    public void ReturnSet(EvaluatedSet? set)
    {
        if (set is not null)
        {
            set.Clear();
            _sets.Push(set);
        }
    }
}
