using BenchmarkDotNet.Running;

namespace Herald.Bench.Micro;

/// <summary>Entry point; named so it does not clash with the web host's top-level Program.</summary>
public static class BenchProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
}
