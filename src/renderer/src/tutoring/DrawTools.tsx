import { useState } from 'react';
import { Eraser, Highlighter, PenLine, Trash2 } from 'lucide-react';
import { useT } from '../i18n/use-t';
import { drawColors, colorValues, isHexColor, type DrawColor, type DrawTool } from './strokes';
import { IconButton } from '../ui/IconButton';

interface DrawToolsProps {
  tool: DrawTool | null;
  color: DrawColor;
  strokes: number;
  onTool: (tool: DrawTool | null) => void;
  onColor: (color: DrawColor) => void;
  onClear: () => void;
}

/**
 * The presentation toolbar's drawing tools: pen, highlighter, eraser (each a toggle), the colours (four swatches and
 * a colour picker for one of the presenter's own), Clear. The colours and Clear are `bar-extra`: on a phone they fold
 * behind the toolbar's More.
 */
export function DrawTools({ tool, color, strokes, onTool, onColor, onClear }: DrawToolsProps) {
  const t = useT();
  // The last colour picked in the colour picker; drawn with once picked, or when the picker is clicked again.
  const [custom, setCustom] = useState<`#${string}`>(isHexColor(color) ? color : '#a855f7');
  const tools: [DrawTool, typeof PenLine, string][] = [
    ['pen', PenLine, t('present.draw.pen')],
    ['highlighter', Highlighter, t('present.draw.highlighter')],
    ['eraser', Eraser, t('present.draw.eraser')],
  ];
  return (
    <span className="bar-group draw-tools" role="group" aria-label={t('present.draw.group')}>
      {tools.map(([name, Icon, label]) => (
        <IconButton key={name} icon={Icon} label={label} aria-pressed={tool === name} onClick={() => onTool(tool === name ? null : name)} />
      ))}
      <span className="draw-colors bar-extra" role="group" aria-label={t('present.draw.colour')}>
        {drawColors.map((c) => (
          // A swatch stays a raw button: its look is its colour (no variant, no words, no icon), its name the colour's.
          // eslint-disable-next-line no-restricted-syntax
          <button key={c} type="button" aria-pressed={color === c} aria-label={t(`present.draw.colour.${c}`)} className="swatch" style={{ background: colorValues[c] }} onClick={() => onColor(c)} />
        ))}
        <input
          type="color"
          className="swatch custom-colour"
          aria-label={t('present.draw.colour.custom')}
          title={t('present.draw.colour.custom')}
          data-selected={color === custom || undefined}
          value={custom}
          onClick={() => onColor(custom)}
          onChange={(e) => {
            if (!isHexColor(e.target.value)) return;
            setCustom(e.target.value);
            onColor(e.target.value);
          }}
        />
      </span>
      <IconButton className="bar-extra" icon={Trash2} label={t('present.draw.clear')} disabled={strokes === 0} onClick={onClear} />
    </span>
  );
}
