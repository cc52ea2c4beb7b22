import { Eraser, Highlighter, PenLine, Trash2 } from 'lucide-react';
import { useT } from '../i18n/use-t';
import { drawColors, colorValues, type DrawColor, type DrawTool } from './strokes';

interface DrawToolsProps {
  tool: DrawTool | null;
  color: DrawColor;
  strokes: number;
  onTool: (tool: DrawTool | null) => void;
  onColor: (color: DrawColor) => void;
  onClear: () => void;
}

/** The presentation toolbar's drawing tools: pen, highlighter, eraser (each a toggle), the colours, Clear. */
export function DrawTools({ tool, color, strokes, onTool, onColor, onClear }: DrawToolsProps) {
  const t = useT();
  const tools: [DrawTool, typeof PenLine, string][] = [
    ['pen', PenLine, t('present.draw.pen')],
    ['highlighter', Highlighter, t('present.draw.highlighter')],
    ['eraser', Eraser, t('present.draw.eraser')],
  ];
  return (
    <span className="bar-group draw-tools" role="group" aria-label={t('present.draw.group')}>
      {tools.map(([name, Icon, label]) => (
        <button key={name} type="button" className="icon-button" aria-pressed={tool === name} aria-label={label} title={label} onClick={() => onTool(tool === name ? null : name)}>
          <Icon size={18} aria-hidden="true" />
        </button>
      ))}
      <span className="draw-colors" role="group" aria-label={t('present.draw.colour')}>
        {drawColors.map((c) => (
          <button key={c} type="button" aria-pressed={color === c} aria-label={t(`present.draw.colour.${c}`)} className="swatch" style={{ background: colorValues[c] }} onClick={() => onColor(c)} />
        ))}
      </span>
      <button type="button" className="icon-button" aria-label={t('present.draw.clear')} title={t('present.draw.clear')} disabled={strokes === 0} onClick={onClear}>
        <Trash2 size={18} aria-hidden="true" />
      </button>
    </span>
  );
}
