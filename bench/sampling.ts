/** Median wall time of `times` runs of `run`, after one warm-up run; for the node and the browser benchmarks alike. */
export function medianTime(run: () => void, times = 5): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)];
}
