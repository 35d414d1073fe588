/** A shared "now" that ticks, so "updated 2 min ago" and relative dates stay current. */
export const clock = $state({ now: Date.now() });

let timer: ReturnType<typeof setInterval> | undefined;
export function startClock(intervalMs = 15_000): void {
  if (timer !== undefined) return;
  timer = setInterval(() => {
    clock.now = Date.now();
  }, intervalMs);
}
