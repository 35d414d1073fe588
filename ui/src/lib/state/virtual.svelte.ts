// A tiny runes adapter for @tanstack/virtual-core: the Virtualizer computes which rows are in
// view; `items` and `totalSize` are Svelte state refreshed from its onChange callback.
import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
  type VirtualItem,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';

export class VirtualRows {
  items = $state.raw<VirtualItem[]>([]);
  totalSize = $state(0);
  readonly virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  private options: VirtualizerOptions<HTMLElement, HTMLElement>;

  constructor(getScrollElement: () => HTMLElement | null, rowHeight: number, scrollPaddingStart = 0) {
    this.options = {
      count: 0,
      getScrollElement,
      estimateSize: () => rowHeight,
      // Rows drawn beyond the visible ones: enough for smooth scrolling, few enough that the
      // first screen lays out quickly.
      overscan: 6,
      scrollPaddingStart,
      // Until the scroll element is measured, take it as tall as the window: the first
      // render already holds the rows, instead of a render, a forced layout to measure, and
      // a second render with them (start-up, BENCHMARKS.md).
      initialRect: { width: 0, height: typeof window === 'undefined' ? 0 : window.innerHeight },
      observeElementRect,
      observeElementOffset,
      scrollToFn: elementScroll,
      onChange: () => this.sync(),
    };
    this.virtualizer = new Virtualizer(this.options);
  }

  private sync(): void {
    this.items = this.virtualizer.getVirtualItems();
    this.totalSize = this.virtualizer.getTotalSize();
  }

  /** Call from an effect once the scroll element exists; returns the cleanup. */
  mount(): () => void {
    const cleanup = this.virtualizer._didMount();
    this.virtualizer._willUpdate();
    this.sync();
    return cleanup;
  }

  setCount(count: number): void {
    if (this.options.count === count) return;
    this.options = { ...this.options, count };
    this.virtualizer.setOptions(this.options);
    this.virtualizer._willUpdate();
    this.sync();
  }

  scrollToIndex(index: number): void {
    this.virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  scrollToTop(): void {
    this.virtualizer.scrollToOffset(0);
  }
}
