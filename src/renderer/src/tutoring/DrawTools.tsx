import { useState } from 'react';
import { Eraser, Highlighter, PenLine, Trash2 } from 'lucide-react';
import { useT } from '../i18n/use-t';
import { drawColors, colorValues, isHexColor, type DrawColor, type DrawTool } from './strokes';
import { IconButton } from '../ui/IconButton';
import { Swatch } from '../ui/Swatch';

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
  // The last colour chosen in the colour picker (none yet: null). Opening the picker does not change the pen's
  // colour until one is chosen; once one has been, clicking the picker takes it up again (choosing the same
  // colour anew would fire no change).
  const [custom, setCustom] = useState<`#${string}` | null>(isHexColor(color) ? color : null);
  const customInUse = custom !== null && color === custom;
  const customLabel = t(customInUse ? 'present.draw.colour.customInUse' : 'present.draw.colour.custom');
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
          <Swatch key={c} color={colorValues[c]} label={t(`present.draw.colour.${c}`)} pressed={color === c} onPick={() => onColor(c)} />
        ))}
        <input
          type="color"
          className="swatch custom-colour"
          aria-label={customLabel}
          title={customLabel}
          data-selected={customInUse || undefined}
          value={custom ?? '#a855f7'}
          onClick={() => custom !== null && onColor(custom)}
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
