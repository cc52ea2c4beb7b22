import './ui.css';

export interface SwatchProps {
  /** The CSS colour it shows. */
  color: string;
  /** The colour's name: the swatch's accessible name and tooltip (it has no words of its own). */
  label: string;
  /** Whether it is the colour in use (a toggle, read as pressed). */
  pressed: boolean;
  onPick: () => void;
}

/** A round button that is a colour: the drawing tools' swatches. Its look is its colour; its name the colour's. */
export function Swatch({ color, label, pressed, onPick }: SwatchProps) {
  return <button type="button" className="swatch" aria-pressed={pressed} aria-label={label} title={label} style={{ background: color }} onClick={onPick} />;
}
