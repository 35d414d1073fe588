// uPlot settings for the timeline: one bar series per stack layer on a scale of period
// indexes (so a bar is a period, whatever its length in hours), labelled with the periods'
// dates. Loaded with the chart only (TimelineChart.svelte), never at start-up.
import uPlot from 'uplot';
import { formatNumber } from '../i18n';
import { formatLocalDay } from '../view/dates';
import type { StatusTone } from '../view/status';
import { TIMELINE_GROUPS, stackedLayers, type TimelineBins } from '../view/timeline';

/** The CSS custom property each tone's bars take (app.css): the badge's text colour. */
export const TONE_COLOUR: Record<StatusTone, string> = {
  failed: '--tone-failed-fg',
  stopping: '--tone-stopping-fg',
  waiting: '--tone-waiting-fg',
  active: '--tone-active-fg',
  ok: '--tone-ok-fg',
  done: '--tone-done-fg',
  neutral: '--tone-neutral-border',
};

export type PlotEvents = {
  /** The period under the pointer, or null. */
  onHover: (index: number | null) => void;
  /** Periods `from` to `to` chosen by a drag. */
  onPeriods: (from: number, to: number) => void;
  /** Period `index` clicked. */
  onClick: (index: number) => void;
};

/** The series' data: period indexes, then the layers drawn from the top of the stack down (each covers the ones below it). */
export function plotData(bins: TimelineBins): uPlot.AlignedData {
  const x = Float64Array.from(bins.totals, (_, i) => i);
  return [x, ...stackedLayers(bins).reverse()];
}

/** `03-04`, or `2026-03-04` for the first label and where the year changes. */
function tickLabels(bins: TimelineBins, splits: number[]): string[] {
  let year = '';
  return splits.map((i) => {
    const ms = bins.edges[i];
    if (ms === undefined || !Number.isInteger(i)) return '';
    const day = formatLocalDay(ms);
    const y = day.slice(0, 4);
    const label = y === year ? day.slice(5) : day;
    year = y;
    return label;
  });
}

/** Steps between the count axis' labels. */
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];

/** The top of the count axis: the tallest bar rounded up to a step of at most four labels, so the top is labelled. */
function countCeiling(max: number): number {
  const top = Math.max(4, max);
  const step = COUNT_STEPS.find((s) => top / s <= 4) ?? COUNT_STEPS.at(-1)!;
  return Math.ceil(top / step) * step;
}

const css = (style: CSSStyleDeclaration, name: string) => style.getPropertyValue(name).trim();

/**
 * The chart's options. `el` gives the colours and font (light or dark, read now: make the
 * chart again when the theme changes); `current` the bins the axis labels name.
 */
export function plotOptions(el: HTMLElement, size: { width: number; height: number }, current: () => TimelineBins, events: PlotEvents): uPlot.Options {
  const style = getComputedStyle(el);
  const text = css(style, '--text-muted');
  const grid = css(style, '--border');
  const font = `${css(style, '--fs-xs') || '11px'} ${style.fontFamily}`;
  const bars = uPlot.paths.bars!({ size: [0.8, 48], gap: 1 });
  const layers = [...TIMELINE_GROUPS].reverse();
  return {
    ...size,
    padding: [12, 8, 0, 0],
    legend: { show: false },
    scales: {
      x: { time: false, range: (u) => [-0.5, Math.max(1, u.data[0].length) - 0.5] },
      y: { range: (_u, _min, max) => [0, countCeiling(max)] },
    },
    axes: [
      {
        stroke: text,
        font,
        size: 28,
        grid: { show: false },
        ticks: { stroke: grid, size: 4 },
        space: 64,
        incrs: [1, 2, 7, 14, 28, 56, 91, 182, 364, 728],
        values: (_u, splits) => tickLabels(current(), splits),
      },
      {
        stroke: text,
        font,
        size: 44,
        grid: { stroke: grid, width: 1 },
        ticks: { show: false },
        space: 24,
        incrs: COUNT_STEPS,
        values: (_u, splits) => splits.map((v) => formatNumber(v)),
      },
    ],
    series: [
      {},
      ...layers.map((tone) => {
        const colour = css(style, TONE_COLOUR[tone]);
        return { label: tone, stroke: colour, fill: colour, width: 0, paths: bars, points: { show: false } };
      }),
    ],
    cursor: { y: false, points: { show: false }, drag: { x: true, y: false, setScale: false } },
    hooks: {
      setCursor: [(u) => events.onHover(u.cursor.idx ?? null)],
      setSelect: [
        (u) => {
          if (u.select.width <= 0) return;
          events.onPeriods(Math.round(u.posToVal(u.select.left, 'x')), Math.round(u.posToVal(u.select.left + u.select.width, 'x')));
        },
      ],
      ready: [(u) => u.over.addEventListener('click', () => u.cursor.idx != null && events.onClick(u.cursor.idx))],
    },
  };
}

/** Shows periods `range` (inclusive) as the chart's selection, or none. */
export function showSelection(u: uPlot, range: [number, number] | null): void {
  if (!range) {
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    return;
  }
  const left = u.valToPos(range[0] - 0.5, 'x');
  const right = u.valToPos(range[1] + 0.5, 'x');
  u.setSelect({ left, top: 0, width: right - left, height: u.over.clientHeight }, false);
}
