// Whether the timeline shows and by which period, kept for the session (sessionStorage: a
// restart of the app starts again from the defaults: shown, period chosen after the span).
import type { TimeUnit } from '../view/timeline';

const KEY = 'aitems.timeline';

type Saved = { shown: boolean; unit: TimeUnit | null };

function read(): Saved {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Partial<Saved>;
    return { shown: saved.shown !== false, unit: saved.unit === 'day' || saved.unit === 'week' ? saved.unit : null };
  } catch {
    return { shown: true, unit: null };
  }
}

class TimelineSettings {
  shown = $state(true);
  /** The period the user chose; null: by day or week after the span of the trainings. */
  unit = $state<TimeUnit | null>(null);

  constructor(saved: Saved) {
    this.shown = saved.shown;
    this.unit = saved.unit;
  }

  setShown(shown: boolean): void {
    this.shown = shown;
    this.save();
  }
  setUnit(unit: TimeUnit): void {
    this.unit = unit;
    this.save();
  }
  private save(): void {
    try {
      sessionStorage.setItem(KEY, JSON.stringify({ shown: this.shown, unit: this.unit }));
    } catch {
      // Storage refused (private mode, quota): the choice lasts until the page closes.
    }
  }
}

/** The timeline's settings for this window. */
export const timelineSettings = new TimelineSettings(read());
