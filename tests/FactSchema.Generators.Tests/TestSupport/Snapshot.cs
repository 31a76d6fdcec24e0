using System.IO;
using ApprovalTests;
using ApprovalTests.Core;
using ApprovalTests.Reporters;

namespace FactSchema.Generators.Tests.TestSupport;

/// <summary>
/// The one place that knows how snapshots are stored and compared (ApprovalTests today; switching to
/// Verify is a change to this file only). Snapshots live in tests/FactSchema.Generators.Tests/Snapshots as
/// <c>{Name}.approved.cs</c>; a mismatch leaves <c>{Name}.received.cs</c> beside it to diff and approve.
/// Set FACTSCHEMA_ACCEPT_SNAPSHOTS=1 to accept the received text as approved (then review the git diff).
/// </summary>
public static class Snapshot
{
    public static void Verify(string name, string text, string extension = ".cs")
    {
        var namer = new SnapshotNamer(name);
        var normalized = text.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("FACTSCHEMA_ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(namer.SourcePath);
            File.WriteAllText(Path.Combine(namer.SourcePath, name + ".approved" + extension), normalized);
        }

        // A quiet reporter: CI and headless machines must never try to launch a diff tool.
        Approvals.Verify(new ApprovalTextWriter(normalized, extension.TrimStart('.')), namer, QuietReporter.INSTANCE);
    }

    private sealed class SnapshotNamer : IApprovalNamer
    {
        public SnapshotNamer(string name) => Name = name;

        public string SourcePath => Path.Combine(RepoPaths.TestProject, "Snapshots");

        public string Name { get; }
    }
}
