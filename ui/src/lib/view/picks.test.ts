import { describe, expect, it } from 'vitest';
import { togglePick } from './picks';

describe('togglePick', () => {
  it('selects and unselects a row', () => {
    expect(togglePick([], 'a')).toEqual(['a']);
    expect(togglePick(['a'], 'b')).toEqual(['a', 'b']);
    expect(togglePick(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('keeps two at most: a third replaces the earliest', () => {
    expect(togglePick(['a', 'b'], 'c')).toEqual(['b', 'c']);
  });

  it('counts the open row as selected when nothing else is', () => {
    expect(togglePick([], 'b', 'a')).toEqual(['a', 'b']);
    expect(togglePick([], 'a', 'a')).toEqual(['a']);
    expect(togglePick(['c'], 'b', 'a')).toEqual(['c', 'b']);
  });
});
