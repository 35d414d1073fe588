// Memory of a running app as the benchmarks count it: proportional set size (PSS,
// /proc/PID/smaps_rollup) of the app's process and every process below it
// (WebKitWebProcess, WebKitNetworkProcess), per process name.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';

function processes() {
  const all = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      let exe = '';
      try { exe = basename(readlinkSync(`/proc/${entry}/exe`)); } catch { /* kernel thread or gone */ }
      all.push({ pid: Number(entry), ppid, exe });
    } catch { /* exited meanwhile */ }
  }
  return all;
}

/** PSS in MiB of the process named `exe` and all its descendants, per process name. */
export function pssTree(exe) {
  const all = processes();
  const root = all.find((p) => p.exe === exe);
  if (!root) throw new Error(`no running process ${exe}`);
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...all.filter((p) => p.ppid === tree[i].pid));
  const parts = {};
  for (const p of tree) {
    const rollup = readFileSync(`/proc/${p.pid}/smaps_rollup`, 'utf8');
    const kb = Number(rollup.match(/^Pss:\s+(\d+) kB/m)[1]);
    parts[p.exe] = (parts[p.exe] ?? 0) + kb / 1024;
  }
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  return { total, parts };
}

