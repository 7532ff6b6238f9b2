import { navigate, scrollToReveal, windowRange } from './windowing';

describe('windowing a fixed-height list', () => {
  it('renders only the rows in view plus the overscan', () => {
    const range = windowRange({ count: 50_000, rowHeight: 50, viewportHeight: 400, scrollTop: 100_000, overscan: 5 });
    expect(range.start).toBe(1995);
    expect(range.end).toBe(2000 + 9 + 5);
    expect(range.offsetTop).toBe(1995 * 50);
    expect(range.totalHeight).toBe(2_500_000);
  });

  it('clamps at both ends and handles an empty list', () => {
    expect(windowRange({ count: 10, rowHeight: 50, viewportHeight: 400, scrollTop: -50 }).start).toBe(0);
    const end = windowRange({ count: 10, rowHeight: 50, viewportHeight: 400, scrollTop: 10_000, overscan: 0 });
    expect(end.end).toBe(10);
    expect(windowRange({ count: 0, rowHeight: 50, viewportHeight: 0, scrollTop: 0 })).toEqual({
      start: 0,
      end: 0,
      offsetTop: 0,
      totalHeight: 0,
    });
  });

  it('scrolls as little as possible to reveal a row', () => {
    expect(scrollToReveal(3, 50, 400, 0)).toBe(0);
    expect(scrollToReveal(10, 50, 400, 0)).toBe(150);
    expect(scrollToReveal(2, 50, 400, 300)).toBe(100);
  });

  it('maps navigation keys to rows', () => {
    expect(navigate('ArrowDown', 0, 5, 8)).toBe(1);
    expect(navigate('ArrowDown', 4, 5, 8)).toBe(4);
    expect(navigate('ArrowUp', 0, 5, 8)).toBe(0);
    expect(navigate('End', 0, 5, 8)).toBe(4);
    expect(navigate('Home', 3, 5, 8)).toBe(0);
    expect(navigate('PageDown', 0, 100, 8)).toBe(7);
    expect(navigate('a', 0, 5, 8)).toBeUndefined();
    expect(navigate('ArrowDown', 0, 0, 8)).toBeUndefined();
  });
});
