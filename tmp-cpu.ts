export function cpuMs(fn: () => void, n: number): number {
  const a = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1000 / n;
}
