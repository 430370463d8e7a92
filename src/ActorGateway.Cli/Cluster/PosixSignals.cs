using System.ComponentModel;
using System.Runtime.InteropServices;

namespace ActorGateway.Cli.Cluster;

/// <summary>
/// SIGSTOP, SIGCONT and SIGTERM for another process, through libc's <c>kill</c>: a frozen node is alive to the operating system
/// and silent to the cluster, which is the fault the soak needs (.NET's Process offers only SIGKILL and SIGTERM).
/// </summary>
internal static class PosixSignals
{
    /// <exception cref="PlatformNotSupportedException">Not Linux or macOS.</exception>
    /// <exception cref="Win32Exception">The signal could not be sent (no such process).</exception>
    public static void Stop(int pid) => Send(pid, OperatingSystem.IsMacOS() ? 17 : 19);

    /// <inheritdoc cref="Stop"/>
    public static void Continue(int pid) => Send(pid, OperatingSystem.IsMacOS() ? 19 : 18);

    /// <summary>SIGTERM: asks the process to stop, as a service manager does.</summary>
    /// <inheritdoc cref="Stop"/>
    public static void Terminate(int pid) => Send(pid, 15);

    private static void Send(int pid, int signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("Freezing a node (SIGSTOP) needs Linux or macOS.");
        }

        if (NativeMethods.kill(pid, signal) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"Signal {signal} to process {pid} failed.");
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code enabled for the whole CLI, for one plain int call.
        internal static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054
    }
}
