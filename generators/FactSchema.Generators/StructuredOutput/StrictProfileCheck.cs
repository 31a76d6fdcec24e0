using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FactSchema.Generators.Common;
using FactSchema.Generators.Diagnostics;
using FactSchema.Generators.Json;
using FactSchema.Generators.Schema;
using FactSchema.StructuredOutput;

namespace FactSchema.Generators.StructuredOutput;

/// <summary>
/// The build-time side of the structured-output profiles (<c>FactSchemaStructuredOutputProfile</c>): each place of a schema
/// file that FactSchema.Extensions.AI could not make strict gets a located FS0020, for the reasons its deriver refuses at run
/// time (the rule table is the same file). The provider's size limits depend on the whole derived schema and are checked at
/// run time only.
/// </summary>
internal static class StrictProfileCheck
{
    /// <summary>The profiles the setting names: <c>Exact</c> (nothing to check) and <c>OpenAIStrict</c>.</summary>
    public static bool TryParseProfile(string? value, out bool strict)
    {
        strict = false;
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0 || string.Equals(text, "Exact", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        strict = string.Equals(text, "OpenAIStrict", StringComparison.OrdinalIgnoreCase);
        return strict;
    }

    /// <summary>Every place of <paramref name="document"/> that cannot be made strict.</summary>
    public static ImmutableEquatableArray<DiagnosticInfo> Run(SchemaDocument document, CancellationToken cancellationToken)
    {
        if (document.Root is null)
        {
            return ImmutableEquatableArray<DiagnosticInfo>.Empty;
        }

        var found = new DiagnosticBag(document.FilePath);
        var walker = new Walker(found, cancellationToken);
        walker.Visit(document.Root);
        return found.ToImmutable();
    }

    private sealed class Walker
    {
        private readonly DiagnosticBag _found;
        private readonly CancellationToken _cancellationToken;

        public Walker(DiagnosticBag found, CancellationToken cancellationToken)
        {
            _found = found;
            _cancellationToken = cancellationToken;
        }

        private void Report(SchemaNode node, string reason, SourceSpan? span = null)
            => _found.Report(DiagnosticDescriptors.NotStrict, span ?? node.Span, reason);

        public void Visit(SchemaNode node)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            foreach (var definition in node.Definitions)
            {
                Visit(definition.Schema);
            }

            if (node.BooleanValue is { } value)
            {
                Report(node, value ? "it accepts any value (the schema true), and a strict schema must say what to produce" : "it accepts no value (the schema false)");
                return;
            }

            if (node.DynamicRef is not null)
            {
                Report(node, "$dynamicRef cannot be made strict");
                return;
            }

            if (node.Ref is not null)
            {
                if (FirstStructuralKeyword(node) is { } beside)
                {
                    Report(node, $"a $ref beside '{beside}' (both apply) cannot be made strict; move '{beside}' into the referenced schema or an allOf member", node.RefSpan);
                }

                return;
            }

            if (node.AllOf.Count > 0)
            {
                if (node.AllOf.Count > 1 || HasStructure(node) || node.AnyOf.Count > 0 || node.OneOf.Count > 0)
                {
                    Report(node, "an allOf of several schemas (or beside other keywords) cannot be made strict");
                    return;
                }

                Visit(node.AllOf[0]);
                return;
            }

            var union = node.AnyOf.Count > 0 ? node.AnyOf : node.OneOf;
            if (union.Count > 0 && !HasStructure(node))
            {
                foreach (var branch in union)
                {
                    Visit(branch);
                }

                return;
            }

            if (node.Const is not null || node.Enum is not null)
            {
                if (node.Enum is { Count: 0 } && node.Const is null)
                {
                    Report(node, "an empty enum accepts no value");
                }

                return;
            }

            var types = TypesOf(node);
            if (types.Count == 0)
            {
                Report(node, "it accepts any value (no type), and a strict schema must say what to produce");
                return;
            }

            if (types.Contains("object"))
            {
                VisitObject(node);
            }

            if (types.Contains("array"))
            {
                VisitArray(node);
            }
        }

        private void VisitObject(SchemaNode node)
        {
            if (node.Properties is { Count: > 0 } properties)
            {
                var declared = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in properties)
                {
                    declared.Add(property.Name);
                    Visit(property.Schema);
                }

                foreach (var name in node.Required)
                {
                    if (!declared.Contains(name))
                    {
                        Report(node, $"it requires '{name}', which the object does not declare, and a strict schema cannot ask for it");
                    }
                }

                return;
            }

            var additional = node.AdditionalProperties;
            var additionalSchema = additional is { BooleanValue: null } && !IsEmpty(additional) ? additional : null;
            if (node.PatternProperties is { Count: > 0 } patterns)
            {
                if (patterns.Count > 1 || additionalSchema is not null)
                {
                    Report(node, "a map with several kinds of names (several patternProperties, or beside additionalProperties) cannot be made strict");
                    return;
                }

                Visit(patterns[0].Schema);
            }
            else if (additionalSchema is not null)
            {
                Visit(additionalSchema);
            }
            else if (additional?.BooleanValue != false)
            {
                Report(node, "an open object with no declared properties (any members) cannot be made strict; declare its properties, or give additionalProperties a schema");
            }
        }

        private void VisitArray(SchemaNode node)
        {
            if (node.PrefixItems is not null)
            {
                Report(node, "a tuple (items by position) cannot be made strict");
            }
            else if (node.Items is null || node.Items.IsTrue || IsEmpty(node.Items))
            {
                Report(node, "an array of any items (no items schema) cannot be made strict; give items a schema");
            }
            else
            {
                Visit(node.Items);
            }
        }

        /// <summary>The JSON types a schema admits: its <c>type</c>, or the one its keywords imply (every keyword written, as the runtime reads the bundle).</summary>
        private static List<string> TypesOf(SchemaNode node)
        {
            var types = new List<string>();
            if (node.Types is { } declared)
            {
                types.AddRange(declared);
                return types;
            }

            foreach (var name in node.KeywordNames)
            {
                if (StrictProfileRules.ImpliedType(name) is { } implied && !types.Contains(implied))
                {
                    types.Add(implied);
                }
            }

            // Keywords of several types and no type: not one shape the provider could be asked for.
            return types.Count == 1 ? types : new List<string>();
        }

        /// <summary>A schema of annotations only (a description, the annotations the strict form drops, <c>x-</c> extensions).</summary>
        private static bool IsEmpty(SchemaNode node)
            => node.BooleanValue is null
            && node.KeywordNames.All(name => StrictProfileRules.DroppedAnnotations.Contains(name) || name == "description" || name.StartsWith("x-", StringComparison.Ordinal));

        private static bool HasStructure(SchemaNode node)
            => node.Types is not null || node.Properties is not null || node.Items is not null || node.PrefixItems is not null || node.Enum is not null
                || node.Const is not null || node.AdditionalProperties is not null || node.PatternProperties is not null;

        /// <summary>The first keyword beside a <c>$ref</c> that the strict form cannot keep with it (annotations and described assertions can).</summary>
        private static string? FirstStructuralKeyword(SchemaNode node)
            => node.BooleanValue is not null
                ? null
                : node.KeywordNames.FirstOrDefault(name => name is not ("$ref" or "description") && !StrictProfileRules.DroppedAnnotations.Contains(name)
                    && !StrictProfileRules.DescribedAssertions.Contains(name) && !name.StartsWith("x-", StringComparison.Ordinal));
    }
}
