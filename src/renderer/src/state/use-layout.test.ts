import { describe, expect, it } from 'vitest';
import { defaultLayout, parseLayout } from './use-layout';

describe('parseLayout', () => {
  it('restores a saved layout', () => {
    expect(parseLayout('{"view":"models","reasoningOpen":false,"presentation":true}')).toEqual({ view: 'models', reasoningOpen: false, presentation: true });
  });

  it('keeps only sensible fields from broken or edited storage', () => {
    expect(parseLayout(null)).toEqual(defaultLayout);
    expect(parseLayout('{not json')).toEqual(defaultLayout);
    expect(parseLayout('{"view":"<img src=x>","reasoningOpen":"yes","presentation":true}')).toEqual({ ...defaultLayout, presentation: true });
  });
});
