import { describe, expect, it } from 'vitest';
import { defaultLayout, parseLayout } from './use-layout';

describe('parseLayout', () => {
  it('restores a saved layout', () => {
    expect(parseLayout('{"view":"models","reasoningOpen":false,"presentation":true,"presentScale":"XL","sessionId":"abc-1"}')).toEqual({
      ...defaultLayout,
      view: 'models',
      reasoningOpen: false,
      presentation: true,
      presentScale: 'XL',
      sessionId: 'abc-1',
    });
  });

  it('keeps only sensible fields from broken or edited storage', () => {
    expect(parseLayout(null)).toEqual(defaultLayout);
    expect(parseLayout('{not json')).toEqual(defaultLayout);
    expect(parseLayout('{"view":"<img src=x>","reasoningOpen":"yes","presentation":true,"presentScale":"XXL","sessionId":"../x"}')).toEqual({ ...defaultLayout, presentation: true });
  });
});
